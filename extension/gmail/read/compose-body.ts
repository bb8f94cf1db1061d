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
