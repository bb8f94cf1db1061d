/**
 * Puts a rendered reminder into a compose window: the subject when the subject box is
 * empty, and the body at the caret, above the signature and the quoted text, as
 * paragraphs of its own (a blank line from the text around it). It only adds: nothing
 * the user typed is removed or rewritten. The text comes fitted to the window (no second
 * greeting or sign-off: shared/messages/fit.ts).
 *
 * The body is built as DOM nodes from the message's plain text, every line set with
 * `textContent`: no HTML string is parsed, so nothing in a client's name, a note or a
 * user's template can become markup. The structure is the core's (`textToHtml`:
 * blank-line paragraphs, runs of "- " lines as a list), drawn the way Gmail's own editor
 * writes it: a `<div>` per line and an empty `<div><br></div>` between paragraphs.
 */
import type { ComposeWindow } from './read/compose';
import { ownLineNodes } from './read/compose-body';

const BULLET = /^[-•]\s+/;

/** An empty line as Gmail's editor writes it. */
export function blankLine(doc: Document): HTMLElement {
  const div = doc.createElement('div');
  div.append(doc.createElement('br'));
  return div;
}

/**
 * The body's nodes, top level, in order: the text split exactly as the core's
 * `textToHtml` splits it (paragraphs at blank lines, runs of "- " lines as a list).
 */
export function bodyNodes(doc: Document, text: string): Node[] {
  const nodes: Node[] = [];
  const line = (tag: string, content: string) => {
    const el = doc.createElement(tag);
    el.textContent = content;
    return el;
  };
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    if (para.trim() === '') continue;
    if (nodes.length > 0) nodes.push(blankLine(doc));
    let list: HTMLElement | null = null;
    for (const l of para.split('\n')) {
      if (BULLET.test(l)) {
        if (!list) nodes.push((list = doc.createElement('ul')));
        list.append(line('li', l.replace(BULLET, '')));
      } else {
        list = null;
        nodes.push(l === '' ? blankLine(doc) : line('div', l));
      }
    }
  }
  return nodes;
}

export interface InsertedMessage {
  readonly subject: string;
  /** The text as it goes in: fitted to the window by the background (shared/messages/fit.ts). */
  readonly text: string;
}

export interface InsertOutcome {
  /** The top-level nodes put into the body (empty when there was no body to put them in). */
  readonly nodes: readonly Node[];
  readonly subjectSet: boolean;
}

/**
 * Inserts `message` into `compose`: the subject only when the window's is empty, the text
 * at `caret`, where the user's caret was in the body before they reached for the
 * Payladder button, when it lies above the signature and the quote. Without one, after
 * the user's text but above their own sign-off (`signOffAt`: its line in
 * `ownLineNodes`, -1: none), the signature and the quote. The user's text is never
 * removed: a selection is kept, the message goes after it.
 */
export function insertMessage(
  compose: ComposeWindow,
  message: InsertedMessage,
  caret: Range | null,
  signOffAt = -1,
): InsertOutcome {
  const { editable } = compose.body;
  let subjectSet = false;
  const subjectInput = compose.subjectInput;
  if (subjectInput && subjectInput.value.trim() === '' && message.subject !== '') {
    subjectInput.value = message.subject;
    fire(subjectInput, 'input');
    fire(subjectInput, 'change');
    subjectSet = true;
  }
  if (!editable) return { nodes: [], subjectSet };

  const doc = editable.ownerDocument;
  const nodes = bodyNodes(doc, message.text);
  if (nodes.length === 0) return { nodes, subjectSet };

  const at = usableCaret(caret, compose);
  if (at) insertAtCaret(editable, at, nodes);
  else insertAbove(editable, ownLineNodes(compose.body), nodes, signOffAt);
  // The message is paragraphs of its own: a blank line between it and any text around it.
  const first = nodes[0] as ChildNode;
  const last = nodes[nodes.length - 1] as ChildNode;
  const before = first.previousSibling;
  if (before && !isBlank(before)) first.before(blankLine(doc));
  const after = last.nextSibling;
  if (after && !isBlank(after)) last.after(blankLine(doc));

  placeCaretAfter(editable, last);
  // Gmail saves the draft on input; a programmatic change fires none by itself.
  editable.dispatchEvent(
    new (doc.defaultView?.InputEvent ?? InputEvent)('input', { bubbles: true, inputType: 'insertFromPaste' }),
  );
  return { nodes, subjectSet };
}

function fire(el: Element, type: string): void {
  el.dispatchEvent(new Event(type, { bubbles: true }));
}

/** The caret when it lies in the editable, outside the signature and quote, above both. */
function usableCaret(caret: Range | null, compose: ComposeWindow): Range | null {
  const { editable, signature, quote, insertBefore } = compose.body;
  if (!caret || !editable) return null;
  if (!editable.contains(caret.startContainer) || !editable.contains(caret.endContainer)) return null;
  for (const guard of [signature, quote]) {
    if (guard && (guard.contains(caret.startContainer) || guard.contains(caret.endContainer))) return null;
  }
  if (insertBefore) {
    const guardStart = editable.ownerDocument.createRange();
    guardStart.setStartBefore(insertBefore);
    // The caret must end at or before the start of the signature/quote.
    if (caret.compareBoundaryPoints(Range.START_TO_END, guardStart) > 0) return null;
  }
  return caret;
}

function insertAtCaret(editable: HTMLElement, caret: Range, nodes: readonly Node[]): void {
  const range = caret.cloneRange();
  // A selection stays: the message goes after it, never in its place.
  range.collapse(false);
  const line = topLevel(editable, range.startContainer);
  if (line === null || line === editable) {
    // The caret sits between top-level lines (or in an empty editable).
    const before =
      range.startContainer === editable ? (editable.childNodes[range.startOffset] ?? null) : null;
    if (before && isBlank(before)) before.replaceWith(...nodes);
    else editable.insertBefore(fragmentOf(nodes), before);
    return;
  }
  if (isBlank(line)) {
    line.replaceWith(...nodes);
  } else if (nothingBetween(range, line, 'after')) {
    line.after(...nodes);
  } else if (nothingBetween(range, line, 'before')) {
    line.before(...nodes);
  } else if (line.nodeType === 1) {
    // Mid-line: the line splits in two, as Enter would split it, and the message goes between.
    const rest = range.cloneRange();
    rest.setEndAfter(line.lastChild as Node);
    const tail = (line as Element).cloneNode(false) as Element;
    tail.append(rest.extractContents());
    line.after(...nodes, tail);
  } else {
    // Text straight in the editable: inserting splits the text node around the message.
    range.insertNode(fragmentOf(nodes));
  }
}

/** Without a caret (see `insertMessage`): `above` is the user's lines, `ownLineNodes`. */
function insertAbove(
  editable: HTMLElement,
  above: ChildNode[],
  nodes: readonly Node[],
  signOffAt: number,
): void {
  const filled = above.filter((n) => !isBlank(n));
  const last = filled[filled.length - 1];
  if (!last) {
    // Gmail's empty body is a lone <br>: the message replaces it. Blank lines above the
    // signature or quote stay between it and the message.
    if (above.length === editable.childNodes.length) editable.replaceChildren(...nodes);
    else (above[0] ?? (editable.firstChild as ChildNode)).before(...nodes);
    return;
  }
  // Above the user's sign-off, unless it is all they wrote.
  const signOff = filled[0] === above[signOffAt] ? undefined : above[signOffAt];
  if (signOff) signOff.before(...nodes);
  else last.after(...nodes);
}

/** The child of `editable` that holds `node` (or is it); null when outside. */
function topLevel(editable: HTMLElement, node: Node): ChildNode | null {
  let n: Node | null = node;
  while (n && n.parentNode !== editable) n = n.parentNode;
  return (n as ChildNode | null) ?? null;
}

/** An empty line: no text but white space, no image. */
function isBlank(node: Node): boolean {
  if (node.nodeType === 3) return (node.textContent ?? '').trim() === '';
  if (node.nodeType !== 1) return true;
  const el = node as Element;
  return (
    (el.textContent ?? '').trim() === '' &&
    el.querySelector('img, hr, table') === null &&
    el.tagName !== 'IMG'
  );
}

function nothingBetween(caret: Range, line: ChildNode, side: 'before' | 'after'): boolean {
  const probe = caret.cloneRange();
  if (side === 'after') probe.setEndAfter(line);
  else {
    probe.setStartBefore(line);
    probe.setEnd(caret.startContainer, caret.startOffset);
  }
  return probe.toString().trim() === '';
}

function fragmentOf(nodes: readonly Node[]): DocumentFragment {
  const fragment = (nodes[0] as Node).ownerDocument!.createDocumentFragment();
  fragment.append(...nodes);
  return fragment;
}

function placeCaretAfter(editable: HTMLElement, node: Node): void {
  const doc = editable.ownerDocument;
  editable.focus();
  const selection = doc.getSelection();
  if (!selection) return;
  const range = doc.createRange();
  range.setStartAfter(node);
  selection.removeAllRanges();
  selection.addRange(range);
}
