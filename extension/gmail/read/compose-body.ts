/**
 * Reads a compose window's body editable and the parts new text must stay above:
 * the signature and the quoted text of a reply.
 */
import { composeBody, composeQuote, composeSignature, composeSignaturePrefix } from '../selectors';
import { outermost, precedes, queryAnchor, queryAnchorAll } from './dom';

export interface ComposeBody {
  /** The rich-text editable, null when Gmail does not show it (plain-text mode). */
  readonly editable: HTMLElement | null;
  /** Start of the user's signature block (the "-- " line when Gmail draws one). */
  readonly signature: Element | null;
  /** The quoted message of a reply, once expanded into the body. */
  readonly quote: Element | null;
  /**
   * Insert new text before this element (in its parent): the first of `signature`
   * and `quote`. Null: nothing to stay above, append to the editable.
   */
  readonly insertBefore: Element | null;
}

export function readComposeBody(composeRoot: ParentNode): ComposeBody {
  const editable = queryAnchor(composeRoot, composeBody) as HTMLElement | null;
  if (!editable) return { editable: null, signature: null, quote: null, insertBefore: null };

  const quote = outermost(queryAnchorAll(editable, composeQuote))[0] ?? null;
  // The quoted message may carry its sender's signature: that one is not the user's.
  const own = (el: Element): boolean => quote === null || !quote.contains(el);
  const signature = queryAnchorAll(editable, composeSignature).find(own) ?? null;
  const prefix = queryAnchorAll(editable, composeSignaturePrefix).find(own) ?? null;
  const signatureStart =
    prefix !== null && (signature === null || precedes(prefix, signature)) ? prefix : signature;

  const insertBefore =
    signatureStart === null
      ? quote
      : quote === null || precedes(signatureStart, quote)
        ? signatureStart
        : quote;
  return { editable, signature: signatureStart, quote, insertBefore };
}

/**
 * The lines of the user's own text: the body's top-level nodes above the signature and the
 * quoted message (Gmail's editor writes a `<div>` per line, `<div><br></div>` when blank).
 */
export function ownLineNodes(body: ComposeBody): ChildNode[] {
  const { editable, insertBefore } = body;
  const lines: ChildNode[] = [];
  for (
    let n = editable?.firstChild ?? null;
    n && !(insertBefore && n.contains(insertBefore));
    n = n.nextSibling
  )
    lines.push(n);
  return lines;
}

/**
 * What the background needs to fit a message to the compose window rooted at `composeRoot`
 * (shared/messages/fit.ts): the user's own lines (`ownLineNodes`, trimmed) and whether
 * Gmail's signature, with some text in it, signs the message (an empty signature block
 * signs nothing).
 */
export function readOwnText(composeRoot: ParentNode): { lines: string[]; signature: boolean } {
  const body = readComposeBody(composeRoot);
  return {
    lines: ownLineNodes(body).map((n) => (n.textContent ?? '').trim()),
    signature: queryAnchorAll(composeRoot, composeSignature).some(
      (el) => !body.quote?.contains(el) && (el.textContent ?? '').trim() !== '',
    ),
  };
}
