/**
 * Puts a rendered reminder into a compose window: the subject when the subject box is
 * empty, and the body at the caret, above the signature and the quoted text.
 *
 * The body is built as DOM nodes from the message's plain text, every line set with
 * `textContent`: no HTML string is parsed, so nothing in a client's name, a note or a
 * user's template can become markup. The structure is the core's (`textToHtml`:
 * blank-line paragraphs, runs of "- " lines as a list), drawn the way Gmail's own editor
 * writes it: a `<div>` per line and an empty `<div><br></div>` between paragraphs.
 */
import type { ComposeWindow } from './read/compose';

export type Block = { kind: 'lines'; lines: string[] } | { kind: 'list'; items: string[] };

const BULLET = /^[-•]\s+/;

/** Paragraphs of blocks, split exactly as the core's `textToHtml` splits the text. */
export function textParagraphs(text: string): Block[][] {
  const paragraphs: Block[][] = [];
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    if (para.trim() === '') continue;
    const blocks: Block[] = [];
    for (const line of para.split('\n')) {
      const bullet = BULLET.test(line);
      const last = blocks[blocks.length - 1];
      if (bullet) {
        const item = line.replace(BULLET, '');
        if (last?.kind === 'list') last.items.push(item);
        else blocks.push({ kind: 'list', items: [item] });
      } else if (last?.kind === 'lines') last.lines.push(line);
      else blocks.push({ kind: 'lines', lines: [line] });
    }
    paragraphs.push(blocks);
  }
  return paragraphs;
}

/** An empty line as Gmail's editor writes it. */
export function blankLine(doc: Document): HTMLElement {
  const div = doc.createElement('div');
  div.append(doc.createElement('br'));
  return div;
}

/** The body's nodes, top level, in order. */
export function bodyNodes(doc: Document, text: string): Node[] {
  const nodes: Node[] = [];
  textParagraphs(text).forEach((blocks, i) => {
    if (i > 0) nodes.push(blankLine(doc));
    for (const block of blocks) {
      if (block.kind === 'lines') {
        for (const line of block.lines) {
          if (line === '') {
            nodes.push(blankLine(doc));
            continue;
          }
          const div = doc.createElement('div');
          div.textContent = line;
          nodes.push(div);
        }
      } else {
        const ul = doc.createElement('ul');
        for (const item of block.items) {
          const li = doc.createElement('li');
          li.textContent = item;
          ul.append(li);
        }
        nodes.push(ul);
      }
    }
  });
  return nodes;
}

export interface InsertedMessage {
  readonly subject: string;
  readonly text: string;
}

export interface InsertOutcome {
  /** The top-level nodes put into the body (empty when there was no body to put them in). */
  readonly nodes: readonly Node[];
  readonly subjectSet: boolean;
}

/**
 * Inserts `message` into `compose`. `caret` is where the user's caret was in the body
 * before they reached for the Payladder button (null: none); it is used when it lies in the
 * body above the signature and the quote, else the text goes above them.
 */
export function insertMessage(
  compose: ComposeWindow,
  message: InsertedMessage,
  caret: Range | null,
): InsertOutcome {
  const { editable, insertBefore } = compose.body;
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
  else insertAbove(editable, insertBefore, nodes);

  const last = nodes[nodes.length - 1] as Node;
  // One blank line between the message and the signature or quote right below it.
  const next = topLevel(editable, last)?.nextSibling ?? null;
  if (next !== null && insertBefore !== null && topLevel(editable, insertBefore) === next) {
    (last as ChildNode).after(blankLine(doc));
  }

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
  if (!range.collapsed) range.deleteContents();
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
  } else {
    // Mid-line: Gmail's editor keeps the two halves as lines around the new block.
    range.insertNode(fragmentOf(nodes));
  }
}

/** Above the signature and quote: after the user's own text, or at the top when there is none. */
function insertAbove(editable: HTMLElement, insertBefore: Element | null, nodes: readonly Node[]): void {
  const doc = editable.ownerDocument;
  const stop = insertBefore ? topLevel(editable, insertBefore) : null;
  const above: ChildNode[] = [];
  for (const child of Array.from(editable.childNodes)) {
    if (child === stop) break;
    above.push(child);
  }
  const lastFilled = [...above].reverse().find((n) => !isBlank(n)) ?? null;
  if (lastFilled === null) {
    // Gmail's empty body is a lone <br> (or blank lines above the signature): write at the top.
    if (stop === null) for (const n of above) n.remove();
    editable.insertBefore(fragmentOf(nodes), stop === null ? null : (above[0] ?? stop));
    return;
  }
  lastFilled.after(blankLine(doc), ...nodes);
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
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}
