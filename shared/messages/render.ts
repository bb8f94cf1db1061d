/**
 * The merge engine for reminder messages: a small, logic-less subset of Mustache
 * (https://mustache.github.io/mustache.5.html) — `{{field}}`, `{{#name}}…{{/name}}`
 * (a section: shown when the value is there and not zero; repeated per item for the
 * `milestones` list block) and `{{^name}}…{{/name}}` (an inverted section: shown when it is
 * not). No partials, no triple braces, no HTML in templates.
 *
 * A template is parsed once into nodes and values are inserted in ONE pass, so a value that
 * itself contains `{{contact}}` stays literal text. The plain-text body is the product; the
 * HTML body is made from it by escaping every character with the one `escapeHtml`, so a
 * value can never become markup.
 */
import { escapeHtml } from '../format.ts';
import type { Language, Problem } from '../model.ts';
import { problem } from '../problems.ts';
import { LIST_BLOCK, MERGE_FIELDS, SECTION_FLAGS } from './templates.ts';

/** Field values, already formatted for the client's locale; null = no value. */
export interface MergeScope {
  fields: Readonly<Record<string, string | null>>;
  /** Section truthiness where it is not "has a value" (an amount of zero is false). */
  flags?: Readonly<Record<string, boolean>>;
}

/** The values of one message: the top level and one scope per item of the list block. */
export interface MergeData extends MergeScope {
  items: readonly MergeScope[];
}

/** A template's text as the Templates tab holds it; `row` is null for a built-in. */
export interface TemplateSource {
  subject: string;
  body: string;
  row: number | null;
}

/** Which message is being rendered for whom, for problem texts. */
export interface RenderSite {
  messageId: string;
  language: Language;
  client: string;
}

export interface RenderedMessage {
  /** One line, plain text. */
  subject: string;
  /** Plain text, paragraphs separated by one blank line. */
  text: string;
  /** An HTML fragment (`<p>`, `<ul>`, `<br>`), every character of the text escaped. */
  html: string;
  problems: Problem[];
  /** True when the user's template had errors and the built-in text was used instead. */
  usedFallback: boolean;
}

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'section'; name: string; inverted: boolean; children: TemplateNode[] };

/** What can be wrong with a template's text, before any value is known. */
export interface TemplateIssue {
  kind: 'unknown_placeholder' | 'bad_syntax';
  /**
   * The placeholder name as written, or which syntax error (an id the problem texts put in
   * words, problems/en.ts SYNTAX): `unclosed`, `stray_close`, `mismatch` (a close of `name`
   * for the open `open`), `loose_braces`, `brace_before_tag`, `not_a_section`.
   */
  detail: string;
  /** The section or list the syntax error is about, if any. */
  name?: string;
  /** For `mismatch`: the section still open. */
  open?: string;
}

export const SYNTAX_LOOSE_BRACES = 'loose_braces';

/** Placeholder names are forgiving: `{{ Due date }}`, `{{due-date}}` and `{{due_date}}` are one. */
export function normalizePlaceholder(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const TAG_RE = /\{\{([#^/]?)([^{}]*)\}\}/g;

interface Token {
  kind: 'text' | 'field' | 'open' | 'inverted' | 'close';
  text: string;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of source.matchAll(TAG_RE)) {
    const at = m.index;
    if (at > last) tokens.push({ kind: 'text', text: source.slice(last, at) });
    const sigil = m[1] ?? '';
    const name = normalizePlaceholder(m[2] ?? '');
    tokens.push({
      kind: sigil === '#' ? 'open' : sigil === '^' ? 'inverted' : sigil === '/' ? 'close' : 'field',
      text: name,
    });
    last = at + m[0].length;
  }
  if (last < source.length) tokens.push({ kind: 'text', text: source.slice(last) });
  stripStandalone(tokens);
  return tokens;
}

/**
 * A section tag alone on its line takes the whole line with it (Mustache's "standalone"
 * rule), so templates can put `{{#milestones}}` on its own line without leaving blank lines.
 */
function stripStandalone(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind === 'text' || t.kind === 'field') continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const before = prev === undefined ? '' : prev.kind === 'text' ? prev.text : null;
    const after = next === undefined ? '' : next.kind === 'text' ? next.text : null;
    if (before === null || after === null) continue;
    const lineStart = /(^|\n)[ \t]*$/.exec(before);
    const lineEnd = /^[ \t]*(\n|$)/.exec(after);
    if (!lineStart || !lineEnd) continue;
    // At the very start of the template, a tag followed by the end is standalone too.
    if (prev?.kind === 'text')
      prev.text = before.slice(0, before.length - lineStart[0].length + lineStart[1]!.length);
    if (next?.kind === 'text') next.text = after.slice(lineEnd[0].length);
  }
}

const LIST_NAMES: ReadonlySet<string> = new Set([LIST_BLOCK]);
const FIELD_NAMES: ReadonlySet<string> = new Set(Object.keys(MERGE_FIELDS));
const SECTION_NAMES: ReadonlySet<string> = new Set([
  ...FIELD_NAMES,
  ...Object.keys(SECTION_FLAGS),
  ...LIST_NAMES,
]);

/** Parses a template; issues are collected, never thrown. */
export function parseTemplate(source: string): { nodes: TemplateNode[]; issues: TemplateIssue[] } {
  const issues: TemplateIssue[] = [];
  const root: TemplateNode[] = [];
  const stack: Array<{ name: string; children: TemplateNode[] }> = [{ name: '', children: root }];
  const top = () => stack[stack.length - 1]!.children;
  const tokens = tokenize(source.replace(/\r\n?/g, '\n'));
  for (const [i, t] of tokens.entries()) {
    if (t.kind === 'text') {
      // Left-over braces would reach the client as a raw "{{": refuse the template. A "{"
      // just before a tag could meet another "{" once the tag renders to nothing.
      if (t.text.includes('{{')) issues.push({ kind: 'bad_syntax', detail: SYNTAX_LOOSE_BRACES });
      else if (t.text.endsWith('{') && i + 1 < tokens.length)
        issues.push({ kind: 'bad_syntax', detail: 'brace_before_tag' });
      top().push({ kind: 'text', text: t.text });
    } else if (t.kind === 'field') {
      if (LIST_NAMES.has(t.text)) issues.push({ kind: 'bad_syntax', detail: 'not_a_section', name: t.text });
      else if (!FIELD_NAMES.has(t.text)) issues.push({ kind: 'unknown_placeholder', detail: t.text });
      top().push({ kind: 'field', name: t.text });
    } else if (t.kind === 'open' || t.kind === 'inverted') {
      if (!SECTION_NAMES.has(t.text)) issues.push({ kind: 'unknown_placeholder', detail: t.text });
      const node: TemplateNode = {
        kind: 'section',
        name: t.text,
        inverted: t.kind === 'inverted',
        children: [],
      };
      top().push(node);
      stack.push({ name: t.text, children: node.children });
    } else {
      const open = stack[stack.length - 1]!;
      if (stack.length === 1) issues.push({ kind: 'bad_syntax', detail: 'stray_close', name: t.text });
      else if (open.name !== t.text) {
        issues.push({ kind: 'bad_syntax', detail: 'mismatch', name: t.text, open: open.name });
        stack.pop();
      } else stack.pop();
    }
  }
  for (const open of stack.slice(1)) issues.push({ kind: 'bad_syntax', detail: 'unclosed', name: open.name });
  return { nodes: root, issues };
}

/** Issues of a template's subject and body, for checking the Templates tab as it is edited. */
export function checkTemplate(
  template: Pick<TemplateSource, 'subject' | 'body'>,
): Array<TemplateIssue & { part: 'Subject' | 'Body' }> {
  return [
    ...parseTemplate(template.subject).issues.map((i) => ({ ...i, part: 'Subject' as const })),
    ...parseTemplate(template.body).issues.map((i) => ({ ...i, part: 'Body' as const })),
  ];
}

/** What a missing value shows as: visible to the user who reviews the draft, never `undefined`. */
export function missingMarker(name: string): string {
  return `[${name}]`;
}

function lookup(scopes: readonly MergeScope[], name: string): string | null | undefined {
  for (const s of scopes) if (name in s.fields) return s.fields[name] ?? null;
  return undefined;
}

function truthy(scopes: readonly MergeScope[], name: string): boolean {
  for (const s of scopes) {
    if (s.flags && name in s.flags) return s.flags[name] === true;
    if (name in s.fields) {
      const v = s.fields[name];
      return v !== null && v !== undefined && v !== '';
    }
  }
  return false;
}

function renderNodes(
  nodes: readonly TemplateNode[],
  scopes: readonly MergeScope[],
  data: MergeData,
  missing: Set<string>,
): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'field') {
      const v = lookup(scopes, n.name);
      if (v === null || v === undefined || v === '') {
        missing.add(n.name);
        out += missingMarker(n.name);
      } else out += v;
    } else if (LIST_NAMES.has(n.name)) {
      if (n.inverted) {
        if (data.items.length === 0) out += renderNodes(n.children, scopes, data, missing);
      } else {
        for (const item of data.items) out += renderNodes(n.children, [item, ...scopes], data, missing);
      }
    } else if (truthy(scopes, n.name) !== n.inverted) {
      out += renderNodes(n.children, scopes, data, missing);
    }
  }
  return out;
}

/** Tidies rendered text: no trailing spaces, at most one blank line in a row, no edge blanks. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BULLET_RE = /^[-•]\s+/;

/**
 * Plain text → an HTML fragment: blank-line paragraphs become `<p>`, runs of lines that
 * start with "- " become `<ul>`, other line breaks `<br>`. Every character goes through
 * `escapeHtml`, values and template text alike.
 */
export function textToHtml(text: string): string {
  const blocks: string[] = [];
  for (const para of text.split(/\n{2,}/)) {
    if (para.trim() === '') continue;
    let lines: string[] = [];
    let items: string[] = [];
    const flushLines = () => {
      if (lines.length) blocks.push(`<p>${lines.map(escapeHtml).join('<br>')}</p>`);
      lines = [];
    };
    const flushItems = () => {
      if (items.length) blocks.push(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
      items = [];
    };
    for (const line of para.split('\n')) {
      if (BULLET_RE.test(line)) {
        flushLines();
        items.push(line.replace(BULLET_RE, ''));
      } else {
        flushItems();
        lines.push(line);
      }
    }
    flushLines();
    flushItems();
  }
  return blocks.join('\n');
}

/** Template issues as Problems on the Templates tab (`row` null for a built-in text). */
export function templateIssueProblems(
  issues: ReadonlyArray<TemplateIssue & { part: 'Subject' | 'Body' }>,
  row: number | null,
  site: RenderSite,
): Problem[] {
  const allowed = Object.keys(MERGE_FIELDS)
    .map((f) => `{{${f}}}`)
    .join(', ');
  return issues.map((i) =>
    i.kind === 'unknown_placeholder'
      ? problem('template_unknown_placeholder', 'Templates', row, i.part, {
          value: i.detail,
          message: site.messageId,
          language: site.language,
          allowed,
        })
      : problem('template_bad_syntax', 'Templates', row, i.part, {
          syntax: i.detail,
          name: i.name ?? '',
          open: i.open ?? '',
          message: site.messageId,
          language: site.language,
        }),
  );
}

/**
 * Renders a template with `data`. A template with unknown placeholders or bad syntax is not
 * used: its problems are reported and `fallback` (the built-in text) is rendered instead.
 * A missing value shows as `[name]` and is reported once per name.
 */
export function renderMessage(
  template: TemplateSource,
  data: MergeData,
  site: RenderSite,
  fallback?: TemplateSource,
): RenderedMessage {
  const problems: Problem[] = [];
  let source = template;
  let usedFallback = false;
  let subject = parseTemplate(source.subject);
  let body = parseTemplate(source.body);
  const issues = [
    ...subject.issues.map((i) => ({ ...i, part: 'Subject' as const })),
    ...body.issues.map((i) => ({ ...i, part: 'Body' as const })),
  ];
  if (issues.length > 0) {
    for (const p of templateIssueProblems(issues, source.row, site)) problems.push(p);
    if (fallback) {
      source = fallback;
      usedFallback = true;
      subject = parseTemplate(source.subject);
      body = parseTemplate(source.body);
    }
  }
  const missing = new Set<string>();
  const subjectText = tidy(renderNodes(subject.nodes, [data], data, missing)).replace(/\s+/g, ' ');
  const text = tidy(renderNodes(body.nodes, [data], data, missing));
  for (const name of missing) {
    problems.push(
      problem('template_missing_value', 'Templates', source.row, null, {
        value: name,
        client: site.client,
        message: site.messageId,
        language: site.language,
      }),
    );
  }
  return { subject: subjectText, text, html: textToHtml(text), problems, usedFallback };
}
