// @vitest-environment happy-dom
/**
 * Putting a message into a compose window: the body is built from the text as DOM nodes
 * (the same paragraphs and lists as the core's HTML), nothing in it is parsed as markup,
 * and it lands at the caret, else above the signature and the quote.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyNodes, insertMessage, textParagraphs } from '../../extension/gmail/insert.ts';
import { readCompose } from '../../extension/gmail/read/compose.ts';
import { textToHtml } from '../../shared/index.ts';

function compose(body: string, subject = ''): Element {
  document.body.replaceChildren();
  const root = document.createElement('div');
  root.setAttribute('role', 'region');
  root.innerHTML = `<form><input name="subjectbox" value="${subject}"></form>
    <div g_editable="true" role="textbox" contenteditable="true">${body}</div>
    <table role="group"><tr><td><div role="button" class="aoO">Send</div></td></tr></table>`;
  document.body.append(root);
  return root;
}

const editable = (root: Element) => root.querySelector('[g_editable]') as HTMLElement;
const lines = (root: Element) => Array.from(editable(root).childNodes, (n) => (n.textContent ?? '').trim());

describe('the body nodes', () => {
  it('draw paragraphs, line breaks and lists as Gmail’s editor does', () => {
    const nodes = bodyNodes(document, 'Hi Sam,\n\nLine one\nLine two\n- INV-1\n- INV-2\n\nThanks');
    expect(nodes.map((n) => (n as Element).outerHTML)).toEqual([
      '<div>Hi Sam,</div>',
      '<div><br></div>',
      '<div>Line one</div>',
      '<div>Line two</div>',
      '<ul><li>INV-1</li><li>INV-2</li></ul>',
      '<div><br></div>',
      '<div>Thanks</div>',
    ]);
  });

  it('split the text exactly as the core’s textToHtml does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Hello', '- item', '• bullet', '', 'a <b>c</b> & d', '  spaced  '), {
          maxLength: 12,
        }),
        (parts) => {
          const text = parts.join('\n');
          const html = new DOMParser().parseFromString(textToHtml(text), 'text/html').body;
          const fromCore = Array.from(html.children).map((block) =>
            block.tagName === 'UL'
              ? { kind: 'list', items: Array.from(block.children, (li) => li.textContent) }
              : { kind: 'lines', lines: (block.innerHTML.split('<br>') as string[]).map(unescape) },
          );
          expect(textParagraphs(text).flat()).toEqual(fromCore);
        },
      ),
    );
  });

  it('keep markup in the text as text', () => {
    const hostile = '<img src=x onerror="alert(1)"> <script>alert(2)</script> &amp; {{contact}}';
    const root = compose('<div><br></div>');
    insertMessage(
      readCompose(root),
      { subject: hostile, text: `Dear <b>${hostile}</b>\n\n- ${hostile}` },
      null,
    );
    expect(editable(root).querySelector('img, script, b')).toBeNull();
    expect(editable(root).textContent).toContain(hostile);
    expect((root.querySelector('input[name=subjectbox]') as HTMLInputElement).value).toBe(hostile);
  });
});

function unescape(html: string): string {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div.textContent ?? '';
}

describe('where the message goes', () => {
  const message = { subject: 'Follow-up: INV-1', text: 'Hi Sam,\n\nINV-1 is overdue.' };

  it('fills an empty subject and leaves a typed one alone', () => {
    const empty = compose('<br>');
    expect(insertMessage(readCompose(empty), message, null).subjectSet).toBe(true);
    expect((empty.querySelector('input[name=subjectbox]') as HTMLInputElement).value).toBe(
      'Follow-up: INV-1',
    );
    const typed = compose('<br>', 'Re: March invoice');
    expect(insertMessage(readCompose(typed), message, null).subjectSet).toBe(false);
    expect((typed.querySelector('input[name=subjectbox]') as HTMLInputElement).value).toBe(
      'Re: March invoice',
    );
  });

  it('replaces Gmail’s empty body (a lone <br>)', () => {
    const root = compose('<br>');
    insertMessage(readCompose(root), message, null);
    expect(lines(root)).toEqual(['Hi Sam,', '', 'INV-1 is overdue.']);
  });

  it('goes above the signature, keeping a blank line before it', () => {
    const root = compose(
      '<div><br></div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">Alex</div>',
    );
    insertMessage(readCompose(root), message, null);
    expect(lines(root)).toEqual(['Hi Sam,', '', 'INV-1 is overdue.', '', '--', '', 'Alex']);
  });

  it('goes after what the user wrote, above the quoted message', () => {
    const root = compose(
      '<div>Thanks for the call.</div><div><br></div><div class="gmail_quote">On Monday Sam wrote: …</div>',
    );
    insertMessage(readCompose(root), message, null);
    expect(lines(root)).toEqual([
      'Thanks for the call.',
      '',
      'Hi Sam,',
      '',
      'INV-1 is overdue.',
      '',
      'On Monday Sam wrote: …',
    ]);
  });

  it('goes at the caret when the caret is above the signature', () => {
    const root = compose(
      '<div>First line</div><div><br></div><div>Last line</div><div class="gmail_signature">Alex</div>',
    );
    const caret = document.createRange();
    caret.setStart(editable(root).childNodes[1] as Node, 0);
    caret.collapse(true);
    insertMessage(readCompose(root), message, caret);
    expect(lines(root)).toEqual(['First line', 'Hi Sam,', '', 'INV-1 is overdue.', 'Last line', 'Alex']);
  });

  it('goes after the line when the caret ends it', () => {
    const root = compose('<div>First line</div><div>Last line</div>');
    const first = editable(root).firstChild?.firstChild as Text;
    const caret = document.createRange();
    caret.setStart(first, first.length);
    insertMessage(readCompose(root), message, caret);
    expect(lines(root)).toEqual(['First line', 'Hi Sam,', '', 'INV-1 is overdue.', 'Last line']);
  });

  it('ignores a caret inside the signature or below the quote', () => {
    for (const at of ['.gmail_signature', '.gmail_quote']) {
      const root = compose(
        '<div>Hello</div><div class="gmail_quote">Quoted</div><div class="gmail_signature">Alex</div>',
      );
      const caret = document.createRange();
      caret.setStart(root.querySelector(at)?.firstChild as Node, 1);
      insertMessage(readCompose(root), message, caret);
      expect(lines(root)).toEqual(['Hello', '', 'Hi Sam,', '', 'INV-1 is overdue.', '', 'Quoted', 'Alex']);
    }
  });

  it('puts the caret after the message and tells Gmail the body changed', () => {
    const root = compose('<br>');
    const inputs: string[] = [];
    editable(root).addEventListener('input', (e) => inputs.push((e as InputEvent).inputType));
    const { nodes } = insertMessage(readCompose(root), message, null);
    const selection = document.getSelection() as Selection;
    const range = selection.getRangeAt(0);
    expect(range.collapsed).toBe(true);
    expect(range.startContainer).toBe(editable(root));
    expect(editable(root).childNodes[range.startOffset - 1]).toBe(nodes[nodes.length - 1]);
    expect(inputs).toEqual(['insertFromPaste']);
  });

  it('does nothing to the body of a window without one', () => {
    const root = compose('');
    editable(root).remove();
    expect(insertMessage(readCompose(root), message, null).nodes).toEqual([]);
  });
});
