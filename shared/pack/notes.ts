/**
 * The pack's internal notes (`<out>-notes.html`): what the user needs and a lawyer, a court
 * or the debtor must not read — bad-debt tax treatment where the user is taxed (Settings →
 * Tax country), with each note's source and confidence grade, and the ledger problems on
 * this client's rows. Never part of the pack itself. In English: the notes and their
 * sources are on file in English only (legal-facts §5).
 */
import { escapeHtml, formatDate, messageLocale } from '../format.ts';
import type { BadDebtDate } from '../law/bad-debt.ts';
import type { IsoDate } from '../model.ts';
import type { Pack } from './build.ts';
import { problemText } from '../problems.ts';

const CSS = `
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; margin: 24px auto; max-width: 900px; padding: 0 16px; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; }
th { background: #eee; } .small { font-size: 9pt; color: #444; } .warn { color: #8a4b00; }
p, li, td { overflow-wrap: break-word; }
`;

const e = escapeHtml;

const RULE_NAMES: Readonly<Record<BadDebtDate['rule'], string>> = {
  'it.perdite.mini': 'Italy: mini-credit (≤ EUR 2,500, 6 months after due), art. 101(5) TUIR',
  'uk.vat.bdr': 'UK: VAT bad debt relief (6 months unpaid), VATA 1994 s.36',
};

/** The internal notes as a complete HTML document. */
export function packNotesHtml(pack: Pack): string {
  const locale = messageLocale('en', pack.locale);
  const date = (d: IsoDate) => formatDate(d, locale);
  const c = pack.client;
  const out = [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8">',
    `<title>${e(`Internal notes — ${c.client} — ${pack.today}`)}</title>`,
    `<style>${CSS}</style></head>`,
    '<body>',
    `<h1>${e(`Internal notes: ${c.client}`)}</h1>`,
    `<p class="small warn">${e(`For you only, as of ${date(pack.today)}: keep this file out of what you send to the client, a lawyer, an agency or a court. Not tax advice.`)}</p>`,
    '<h2>Bad debt and tax</h2>',
  ];
  const b = pack.badDebt;
  if (!b)
    out.push(
      '<p>Set Tax country (or Default jurisdiction) in Settings to see the bad-debt rules where you are taxed.</p>',
    );
  else {
    out.push(`<h3>${e(b.title)} <span class="small">(${e(`Tax country ${b.jurisdiction}`)})</span></h3>`);
    if (b.notes.length > 0) {
      out.push('<ul>');
      for (const n of b.notes)
        out.push(`<li>${e(n.text)} <span class="small">[${e(n.source)}; grade ${e(n.grade)}]</span></li>`);
      out.push('</ul>');
    }
    for (const q of b.openQuestions) out.push(`<p class="small warn">${e(q)}</p>`);
    if (pack.badDebtDates.length > 0) {
      out.push(
        '<table><thead><tr><th>Milestone</th><th>Rule</th><th>Condition met from</th><th>Claim by</th></tr></thead><tbody>',
      );
      for (const d of pack.badDebtDates)
        out.push(
          `<tr><td>${e(d.milestone)}</td><td>${e(RULE_NAMES[d.rule])}</td><td>${e(date(d.from))}</td><td>${e(d.until ? date(d.until) : 'no deadline on file')}</td></tr>`,
        );
      out.push('</tbody></table>');
    }
  }
  out.push('<h2>Ledger problems on this client’s rows</h2>');
  if (pack.problems.length === 0) out.push('<p>None.</p>');
  else {
    out.push('<ul>');
    for (const p of pack.problems) {
      const t = problemText(p, 'en', pack.locale);
      out.push(
        `<li>${e(`${p.tab} row ${p.row ?? ''}${p.column ? `, ${p.column}` : ''}: ${t.message} ${t.fix}`)}</li>`,
      );
    }
    out.push('</ul>');
  }
  if (pack.ledgerErrors > 0)
    out.push(
      `<p class="small warn">${e(`The ledger has ${pack.ledgerErrors} row error(s) in all; rows with errors are left out of every figure, this pack's included.`)}</p>`,
    );
  out.push('</body>', '</html>');
  return out.join('\n') + '\n';
}
