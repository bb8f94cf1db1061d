import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MergeData, RenderSite } from '../../../shared/index.ts';
import {
  checkTemplate,
  escapeHtml,
  MERGE_FIELDS,
  missingMarker,
  normalizePlaceholder,
  parseTemplate,
  renderMessage,
  SYNTAX_LOOSE_BRACES,
  textToHtml,
} from '../../../shared/index.ts';
import { problemText } from '../../../shared/problems.ts';
import type { Problem } from '../../../shared/model.ts';

/** A problem's English message and fix (texts are written on demand, problems.ts). */
const en = (p: Problem | undefined) => (p ? problemText(p, 'en') : { message: '', fix: '' });

const site: RenderSite = { messageId: 'reminder', language: 'en', client: 'Acme' };

function data(fields: Record<string, string | null> = {}, items: MergeData['items'] = []): MergeData {
  return {
    fields: { contact: 'Giulia', client: 'Acme', outstanding: '€10.00', ...fields },
    flags: { several: items.length > 1 },
    items,
  };
}
const render = (body: string, d: MergeData = data(), subject = 'S') =>
  renderMessage({ subject, body, row: 5 }, d, site, {
    subject: 'Built-in {{client}}',
    body: 'Built-in body for {{contact}}',
    row: null,
  });

describe('placeholders', () => {
  it('replaces fields, forgiving case, spaces and hyphens', () => {
    const r = render('Hi {{contact}}, {{ Outstanding }} for {{CLIENT}}.', data({ due_date: '1 May' }));
    expect(r.text).toBe('Hi Giulia, €10.00 for Acme.');
    expect(render('{{ due-date }}|{{Due date}}', data({ due_date: '1 May' })).text).toBe('1 May|1 May');
    expect(r.problems).toEqual([]);
  });

  it.each([
    ['Due date', 'due_date'],
    ['  days-overdue ', 'days_overdue'],
    ['YOUR NAME', 'your_name'],
  ])('normalizes "%s" to %s', (raw, name) => expect(normalizePlaceholder(raw)).toBe(name));

  it('inserts values in one pass: a value holding {{contact}} stays literal', () => {
    const r = render('Project: {{project}}', data({ project: '{{contact}} and {{#several}}x{{/several}}' }));
    expect(r.text).toBe('Project: {{contact}} and {{#several}}x{{/several}}');
    expect(r.problems).toEqual([]);
  });

  it('shows a missing value as a marker and reports it once, with its fix', () => {
    const r = render('Plan: {{payment_plan}} / {{payment_plan}}', data({ payment_plan: null }));
    expect(r.text).toBe(`Plan: ${missingMarker('payment_plan')} / [payment_plan]`);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      code: 'template_missing_value',
      tab: 'Templates',
      row: 5,
      severity: 'warning',
    });
    expect(en(r.problems[0]).fix).toContain(MERGE_FIELDS.payment_plan.hint);
  });

  it('treats an empty string as missing', () => {
    expect(render('Dear {{contact}}', data({ contact: '' })).text).toBe('Dear [contact]');
  });
});

describe('sections and the list block', () => {
  const items = [
    { fields: { invoice: 'A-1', outstanding: '€1.00', paid: '€0.00' }, flags: { paid: false } },
    { fields: { invoice: 'A-2', outstanding: '€2.00', paid: '€5.00' }, flags: { paid: true } },
  ];

  it('repeats {{#milestones}} per item, items shadowing the top level', () => {
    const r = render(
      '{{#milestones}}\n- {{invoice}}: {{outstanding}} ({{client}})\n{{/milestones}}\nTotal {{outstanding}}',
      data({}, items),
    );
    expect(r.text).toBe('- A-1: €1.00 (Acme)\n- A-2: €2.00 (Acme)\nTotal €10.00');
  });

  it('shows {{^milestones}} only with no items', () => {
    expect(render('{{^milestones}}none{{/milestones}}', data()).text).toBe('none');
    expect(render('{{^milestones}}none{{/milestones}}x', data({}, items)).text).toBe('x');
  });

  it('uses flags for truthiness (an amount of zero is false) and nests', () => {
    const r = render(
      '{{#milestones}}{{invoice}}{{#paid}} paid {{paid}}{{/paid}}{{^paid}} unpaid{{/paid}};{{/milestones}}',
      data({}, items),
    );
    expect(r.text).toBe('A-1 unpaid;A-2 paid €5.00;');
    expect(render('{{#several}}many{{/several}}{{^several}}one{{/several}}', data({}, items)).text).toBe(
      'many',
    );
  });

  it('does not report missing values inside a hidden section', () => {
    const r = render(
      '{{#payment_plan}}Plan: {{payment_plan}}{{/payment_plan}}ok',
      data({ payment_plan: null }),
    );
    expect(r.text).toBe('ok');
    expect(r.problems).toEqual([]);
  });

  it('drops the lines of standalone section tags', () => {
    const body = 'Hello\n{{#several}}\nMany\n{{/several}}\n  {{^several}}  \nOne\n{{/several}}\nBye';
    expect(render(body, data()).text).toBe('Hello\nOne\nBye');
  });

  it('keeps at most one blank line and no edge blanks', () => {
    expect(render('\n\nA\n\n\n\n{{#several}}x{{/several}}\n\n\nB\n\n', data()).text).toBe('A\n\nB');
  });

  it('renders the subject on one line', () => {
    expect(render('b', data({ project: 'Two\nlines' }), 'Re:  {{project}}\n').subject).toBe('Re: Two lines');
  });
});

describe('a broken user template is not used', () => {
  it.each([
    ['{{frobnicate}}', 'template_unknown_placeholder'],
    ['{{#nonsense}}x{{/nonsense}}', 'template_unknown_placeholder'],
    ['{{#several}}open', 'template_bad_syntax'],
    ['close{{/several}}', 'template_bad_syntax'],
    ['{{#several}}{{#paid}}x{{/several}}{{/paid}}', 'template_bad_syntax'],
    ['loose {{ braces', 'template_bad_syntax'],
    ['{{{^paid}}{{/paid}}{x', 'template_bad_syntax'],
    ['{{milestones}}', 'template_bad_syntax'],
    ['{{}}', 'template_unknown_placeholder'],
  ])('%j → %s, built-in text instead', (body, code) => {
    const r = render(body);
    expect(r.problems.map((p) => p.code)).toContain(code);
    expect(r.problems[0]).toMatchObject({ tab: 'Templates', row: 5, column: 'Body', severity: 'error' });
    expect(r.usedFallback).toBe(true);
    expect(r.text).toBe('Built-in body for Giulia');
    expect(r.subject).toBe('Built-in Acme');
    expect(r.text + r.subject + r.html).not.toContain('{{');
  });

  it('names the Subject column for a problem in the subject', () => {
    const r = render('fine', data(), 'Hi {{nope}}');
    expect(r.problems[0]).toMatchObject({ column: 'Subject', code: 'template_unknown_placeholder' });
  });

  it('checkTemplate lists issues before any value is known', () => {
    expect(checkTemplate({ subject: '{{x}}', body: '{{ oops' })).toEqual([
      { kind: 'unknown_placeholder', detail: 'x', part: 'Subject' },
      { kind: 'bad_syntax', detail: SYNTAX_LOOSE_BRACES, part: 'Body' },
    ]);
    expect(parseTemplate('{{#milestones}}{{invoice}}{{/milestones}}').issues).toEqual([]);
  });

  it('never leaves a raw "{{" for any mix of text and tags', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }).map((s) => s.replace(/[{}]/g, '')),
      fc.constantFrom(
        '{{',
        '}}',
        '{',
        '}',
        '{{contact}}',
        '{{#several}}',
        '{{/several}}',
        '{{^paid}}',
        '{{/paid}}',
        '{{nope}}',
        '{{{contact}}}',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const r = render(parts.join(''));
        expect(r.text + r.subject).not.toContain('{{');
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('HTML', () => {
  it('escapes every character of values and template text', () => {
    const r = render('<b>{{project}}</b>', data({ project: `<img src=x onerror=alert(1)> "><script>&'` }));
    expect(r.html).toBe(
      '<p>&lt;b&gt;&lt;img src=x onerror=alert(1)&gt; &quot;&gt;&lt;script&gt;&amp;&#39;&lt;/b&gt;</p>',
    );
    expect(r.text).toBe(`<b><img src=x onerror=alert(1)> "><script>&'</b>`);
  });

  it('makes paragraphs, line breaks and lists', () => {
    expect(textToHtml('Hi,\n\nLine 1\nLine 2\n- a\n- b <c>\nafter\n\nBye')).toBe(
      '<p>Hi,</p>\n<p>Line 1<br>Line 2</p>\n<ul><li>a</li><li>b &lt;c&gt;</li></ul>\n<p>after</p>\n<p>Bye</p>',
    );
  });

  it('escapeHtml covers the five HTML-special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
