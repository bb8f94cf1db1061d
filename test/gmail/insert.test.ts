// @vitest-environment happy-dom
/**
 * Putting a message into a compose window: the body is built from the text as DOM nodes
 * (the same paragraphs and lists as the core's HTML), nothing in it is parsed as markup,
 * and it lands at the caret, else above the signature and the quote.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyNodes, insertMessage } from '../../extension/gmail/insert.ts';
import { readOwnText } from '../../extension/gmail/read/compose-body.ts';
import { fitText, signOffNames, userSignOffAt } from '../../shared/messages/fit.ts';
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
          // The core's HTML, paragraph by paragraph, as Gmail's editor writes it: a line per
          // <div>, a blank line between paragraphs, lists as they are.
          const fromCore = text
            .split(/\n{2,}/)
            .filter((para) => para.trim() !== '')
            .flatMap((para, i) => [
              ...(i > 0 ? ['<div><br></div>'] : []),
              ...Array.from(
                new DOMParser().parseFromString(textToHtml(para), 'text/html').body.children,
              ).flatMap((block) =>
                block.tagName === 'UL'
                  ? [block.outerHTML]
                  : (block.innerHTML.split('<br>') as string[]).map((l) =>
                      l === '' ? '<div><br></div>' : `<div>${l}</div>`,
                    ),
              ),
            ]);
          expect(bodyNodes(document, text).map((n) => (n as Element).outerHTML)).toEqual(fromCore);
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
    // The blank line the caret was on holds the message, a blank line either side of it.
    expect(lines(root)).toEqual([
      'First line',
      '',
      'Hi Sam,',
      '',
      'INV-1 is overdue.',
      '',
      'Last line',
      'Alex',
    ]);
  });

  it('goes after the line when the caret ends it, as paragraphs of its own', () => {
    const root = compose('<div>First line</div><div>Last line</div>');
    const first = editable(root).firstChild?.firstChild as Text;
    const caret = document.createRange();
    caret.setStart(first, first.length);
    insertMessage(readCompose(root), message, caret);
    expect(lines(root)).toEqual(['First line', '', 'Hi Sam,', '', 'INV-1 is overdue.', '', 'Last line']);
  });

  it('ignores a caret inside the signature or below the quote', () => {
    for (const at of ['.gmail_signature', '.gmail_quote']) {
      const root = compose(
        '<div>Noted.</div><div class="gmail_quote">Quoted</div><div class="gmail_signature">Alex</div>',
      );
      const caret = document.createRange();
      caret.setStart(root.querySelector(at)?.firstChild as Node, 1);
      insertMessage(readCompose(root), message, caret);
      expect(lines(root)).toEqual(['Noted.', '', 'Hi Sam,', '', 'INV-1 is overdue.', '', 'Quoted', 'Alex']);
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

/**
 * What the compose menu does, in one call: the window's own text read, the message fitted
 * to it as the background fits it (extension/sync/render-messages.ts), then put in.
 */
function fitAndInsert(root: Element, message: { subject: string; text: string }, caret: Range | null) {
  const compose = readCompose(root);
  const window = readOwnText(root);
  const fitted = fitText(message.text, window);
  const signOffAt = userSignOffAt(window.lines, signOffNames(message.text));
  const outcome = insertMessage(compose, { subject: message.subject, text: fitted.text }, caret, signOffAt);
  return { ...outcome, ...fitted };
}

describe('into a window that already has text (issue 12)', () => {
  const reminder = {
    subject: 'Payment reminder: INV-1',
    text: 'Hi Sam,\n\nA quick reminder that INV-1 is past due.\n\nBest regards,\nAlex Moreau',
  };
  const SIGNATURE =
    '<div><br></div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature"><div dir="ltr">Alex Moreau<br>Moreau Studio</div></div>';
  const subjectOf = (root: Element) =>
    (root.querySelector('input[name=subjectbox]') as HTMLInputElement).value;
  const caretAt = (node: Node, offset: number): Range => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.collapse(true);
    return range;
  };

  it('reads the user’s own lines and the signature, not the quote', () => {
    const root = compose(
      `<div>Hi Sam,</div><div><br></div><div>Noted.</div>${SIGNATURE}<div class="gmail_quote">On Monday Sam wrote:<div class="gmail_signature">Sam</div></div>`,
    );
    expect(readOwnText(root)).toEqual({ lines: ['Hi Sam,', '', 'Noted.', ''], signature: true });
    const unsigned = compose(
      '<div>Hi</div><div class="gmail_quote">Quoted<div class="gmail_signature">Sam</div></div>',
    );
    expect(readOwnText(unsigned)).toEqual({ lines: ['Hi'], signature: false });
  });

  it('empty body, no signature: the whole message, greeting to sign-off, and the subject', () => {
    const root = compose('<br>');
    const outcome = fitAndInsert(root, reminder, null);
    expect(lines(root)).toEqual([
      'Hi Sam,',
      '',
      'A quick reminder that INV-1 is past due.',
      '',
      'Best regards,',
      'Alex Moreau',
    ]);
    expect(outcome.text).toBe(reminder.text);
    expect(subjectOf(root)).toBe('Payment reminder: INV-1');
  });

  it('a signature: the template’s sign-off is left out and the text goes above the signature', () => {
    const root = compose(SIGNATURE);
    const outcome = fitAndInsert(root, reminder, null);
    expect(lines(root)).toEqual([
      'Hi Sam,',
      '',
      'A quick reminder that INV-1 is past due.',
      '',
      '--',
      '',
      'Alex MoreauMoreau Studio',
    ]);
    expect(editable(root).textContent?.match(/Alex Moreau/g)).toHaveLength(1);
    expect(editable(root).textContent).not.toContain('Best regards');
    expect(outcome.signOff).toBe('Best regards,\nAlex Moreau');
  });

  it('an empty signature block signs nothing: the sign-off stays', () => {
    const root = compose(
      '<div><br></div><div class="gmail_signature" data-smartmail="gmail_signature"></div>',
    );
    fitAndInsert(root, reminder, null);
    expect(lines(root)).toEqual([
      'Hi Sam,',
      '',
      'A quick reminder that INV-1 is past due.',
      '',
      'Best regards,',
      'Alex Moreau',
      '',
      '',
    ]);
  });

  it('typed text, caret in the middle of a line: the line splits around the message, nothing typed is lost', () => {
    const root = compose('<div>Good to talk today, see you on Friday.</div>');
    const typed = editable(root).firstChild?.firstChild as Text;
    fitAndInsert(root, reminder, caretAt(typed, 'Good to talk today,'.length));
    expect(lines(root)).toEqual([
      'Good to talk today,',
      '',
      'Hi Sam,',
      '',
      'A quick reminder that INV-1 is past due.',
      '',
      'Best regards,',
      'Alex Moreau',
      '',
      'see you on Friday.',
    ]);
    expect(Array.from(editable(root).childNodes, (n) => n.nodeName)).toEqual(Array(10).fill('DIV'));
  });

  it('typed text with a greeting and a sign-off: neither is written twice, the message goes at the caret', () => {
    const root = compose(
      `<div>Hi Sam,</div><div><br></div><div>Good to talk today.</div><div><br></div><div>Thanks,</div><div>Alex</div>${SIGNATURE}`,
    );
    const typed = Array.from(editable(root).children).slice(0, 6);
    const before = typed.map((n) => n.textContent);
    const line = editable(root).children[2]?.firstChild as Text;
    const outcome = fitAndInsert(root, reminder, caretAt(line, line.length));
    expect(lines(root)).toEqual([
      'Hi Sam,',
      '',
      'Good to talk today.',
      '',
      'A quick reminder that INV-1 is past due.',
      '',
      'Thanks,',
      'Alex',
      '',
      '--',
      '',
      'Alex MoreauMoreau Studio',
    ]);
    expect(outcome.greeting).toBe('Hi Sam,');
    // Only added to: every line the user typed is the same node with the same text.
    expect(typed.every((n) => n.isConnected)).toBe(true);
    expect(typed.map((n) => n.textContent)).toEqual(before);
  });

  it('typed text whose greeting differs (another word, case, language) is still not greeted twice', () => {
    for (const greeting of ['hello sam!', 'Ciao Sam', 'HI   SAM']) {
      const root = compose(`<div>${greeting}</div><div><br></div><div>Noted.</div>`);
      fitAndInsert(root, reminder, null);
      expect(editable(root).textContent, greeting).not.toContain('Hi Sam');
      expect(lines(root)[0]).toBe(greeting);
    }
  });

  it('without a caret: after the user’s text, above their own sign-off', () => {
    const root = compose(
      `<div>Hi Sam,</div><div><br></div><div>Good to talk today.</div><div><br></div><div>Thank you,</div><div>Alex</div>${SIGNATURE}`,
    );
    fitAndInsert(root, reminder, null);
    expect(lines(root).slice(0, 8)).toEqual([
      'Hi Sam,',
      '',
      'Good to talk today.',
      '',
      'A quick reminder that INV-1 is past due.',
      '',
      'Thank you,',
      'Alex',
    ]);
  });

  it('without a caret, when a sign-off is all the user wrote: after it', () => {
    const root = compose('<div>Thanks,</div><div>Alex</div>');
    fitAndInsert(root, reminder, null);
    expect(lines(root).slice(0, 4)).toEqual(['Thanks,', 'Alex', '', 'Hi Sam,']);
  });

  it('a selection is kept: the message goes after it', () => {
    const root = compose('<div>Keep this line.</div>');
    const typed = editable(root).firstChild?.firstChild as Text;
    const selection = document.createRange();
    selection.setStart(typed, 0);
    selection.setEnd(typed, typed.length);
    fitAndInsert(root, reminder, selection);
    expect(lines(root).slice(0, 3)).toEqual(['Keep this line.', '', 'Hi Sam,']);
  });

  it('the subject: set when empty (or blank), left alone when typed', () => {
    for (const [subject, expected] of [
      ['', 'Payment reminder: INV-1'],
      ['   ', 'Payment reminder: INV-1'],
      ['Re: March invoice', 'Re: March invoice'],
    ] as const) {
      const root = compose('<br>', subject);
      expect(fitAndInsert(root, reminder, null).subjectSet, subject).toBe(expected !== subject);
      expect(subjectOf(root)).toBe(expected);
    }
  });
});
