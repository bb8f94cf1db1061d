/** The user's own Templates rows: by message and language, and every problem they have. */
import type { Ledger, Problem, TemplateRow } from '../model.ts';
import { problem } from '../problems.ts';
import { checkTemplate, templateIssueProblems } from './render.ts';
import { isMessageKind } from './templates.ts';

/** User template rows by `stage|language`, first row winning; `disputed` counts as `dispute`. */
export function userTemplates(ledger: Ledger): { rows: Map<string, TemplateRow>; problems: Problem[] } {
  const rows = new Map<string, TemplateRow>();
  const problems: Problem[] = [];
  for (const t of ledger.templates) {
    const id = messageIdOf(t.stage);
    const key = `${id}|${t.language}`;
    const first = rows.get(key);
    if (first) {
      problems.push(
        problem('template_duplicate', 'Templates', t.row, 'Stage', {
          value: id,
          language: t.language,
          first: first.row,
        }),
      );
    } else rows.set(key, t);
  }
  return { rows, problems };
}

/**
 * Every problem of the Templates tab, without composing anything: unknown placeholders and
 * bad syntax on each row, empty subjects or bodies, and duplicate rows. For the sidebar's
 * problem list and the add-on's check when the tab is edited.
 */
export function templateProblems(ledger: Ledger): Problem[] {
  const { problems } = userTemplates(ledger);
  for (const t of ledger.templates) {
    const messageId = messageIdOf(t.stage);
    const site = { messageId, language: t.language, client: '' };
    for (const p of templateIssueProblems(checkTemplate(t), t.row, site)) problems.push(p);
    if (isMessageKind(messageId))
      for (const [part, text] of [
        ['Subject', t.subject],
        ['Body', t.body],
      ] as const)
        if (text.trim() === '')
          problems.push(
            problem('template_empty', 'Templates', t.row, part, { value: messageId, language: t.language }),
          );
  }
  return problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** The message a Templates row's Stage names: `disputed` is the `dispute` message. */
export function messageIdOf(stage: string): string {
  return stage === 'disputed' ? 'dispute' : stage;
}
