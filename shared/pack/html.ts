/**
 * The documentation pack as one self-contained, printable HTML file: inline CSS, no
 * scripts, no external fonts or images, every ledger value escaped with `escapeHtml`.
 * In English (the pack goes to lawyers, agencies and accountants; the messages carry the
 * client's language), with money and dates in the ledger's English locale.
 */
import { escapeHtml, formatDate, formatRateBp, messageLocale } from '../format.ts';
import type { IsoDate } from '../model.ts';
import { formatMoney } from '../money.ts';
import { stageLabel } from '../computed.ts';
import { CHANNEL_WORDS } from '../stage-labels.ts';
import type { BadDebtDate } from '../law/bad-debt.ts';
import type { Pack, PackEvent } from './build.ts';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
table.milestones { font-size: 9pt; }
h3 { font-size: 11pt; margin: 14px 0 6px; }
h1 { font-size: 18pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 24px 0 8px; border-bottom: 1px solid #999; padding-bottom: 2px; }
p.meta { color: #444; margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
td.num, th.num { text-align: right; }
td.num, td.date { white-space: nowrap; }
td, dd { overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.small { font-size: 9pt; color: #444; }
.grade { font-size: 8.5pt; color: #444; }
.warn { color: #8a4b00; }
footer { margin-top: 24px; font-size: 9pt; color: #444; border-top: 1px solid #999; padding-top: 6px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  thead { display: table-header-group; }
  tr, dl, li { break-inside: avoid; }
  /* Eleven columns must fit 186 mm: smaller type, tighter cells, dates may wrap. */
  table { font-size: 8pt; }
  th, td { padding: 2px 3px; }
  td.date { white-space: normal; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

const e = escapeHtml;

/** The pack as a complete HTML document. */
export function packHtml(pack: Pack): string {
  const locale = messageLocale('en', pack.locale);
  const money = (minor: number | null, currency: string | null) =>
    minor === null || currency === null ? '' : formatMoney(minor, currency, locale);
  const date = (d: IsoDate | null) => (d === null ? 'undated' : formatDate(d, locale));
  const c = pack.client;
  const by = [pack.preparedBy.yourName, pack.preparedBy.businessName].filter(Boolean).join(', ');
  const out: string[] = [];

  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`Documentation pack — ${c.client} — ${pack.today}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>Documentation pack: ${e(c.client)}</h1>`,
    `<p class="meta">As of ${e(date(pack.today))}${by ? ` · prepared by ${e(by)}` : ''} · from the Payladder ledger. Each timeline line names the ledger tab and row it comes from.</p>`,
    '</header>',
  );

  // Summary
  out.push('<section id="summary">', '<h2>Summary</h2>');
  if (pack.totals.length === 0) out.push('<p>No milestones for this client.</p>');
  else {
    out.push(
      '<table><thead><tr><th>Currency</th><th class="num">Invoiced</th><th class="num">Paid</th><th class="num">Outstanding</th><th class="num">Overdue</th><th class="num">Statutory interest</th><th class="num">Compensation</th><th class="num">Total claim</th><th class="num">Written off</th></tr></thead><tbody>',
    );
    for (const t of pack.totals) {
      const m = (v: number) => `<td class="num">${e(money(v, t.currency))}</td>`;
      out.push(
        `<tr><td>${e(t.currency)}</td>${m(t.invoiced)}${m(t.paid)}${m(t.outstanding)}${m(t.overdue)}${m(t.lateInterest)}${m(t.compensation)}<td class="num"><strong>${e(money(t.totalClaim, t.currency))}</strong></td>${m(t.writtenOff)}</tr>`,
      );
    }
    out.push('</tbody></table>');
    out.push(
      '<p class="small">Cancelled and renegotiated milestones are left out of the totals (a payment plan\'s instalments replace a renegotiated one); their payments stay in the timeline. Written-off amounts are shown apart.</p>',
    );
  }
  out.push('</section>');

  // Client
  const contract = c.contractDate
    ? `Signed ${date(c.contractDate)}`
    : c.contract !== ''
      ? c.contract
      : 'No signed contract on file';
  const field = (name: string, value: string) => `<dt>${e(name)}</dt><dd>${e(value || '—')}</dd>`;
  out.push(
    '<section id="client">',
    '<h2>Client</h2>',
    '<dl>',
    field('Client', c.client),
    field('Contact', c.contact),
    field('Email', c.emails.join(', ')),
    field('Jurisdiction', c.jurisdiction),
    field('Business', c.business),
    field('Payment terms', `${c.terms} days`),
    field('Contract', contract),
    '</dl>',
    '</section>',
  );

  // Milestones
  out.push('<section id="milestones">', '<h2>Milestones and invoices</h2>');
  if (pack.milestones.length > 0) {
    out.push(
      '<table class="milestones"><thead><tr><th>Milestone</th><th>Invoice</th><th>What</th><th>Due</th><th class="num">Amount</th><th class="num">Paid</th><th class="num">Outstanding</th><th class="num">Days late</th><th>Stage</th><th class="num">Interest</th><th class="num">Comp.</th></tr></thead><tbody>',
    );
    for (const m of pack.milestones) {
      const what = [m.project, m.description].filter(Boolean).join(' — ');
      // Interest stops where the rate table does: "to <day>" on its own line (print width).
      const through =
        m.interestThrough !== null && m.interestThrough < pack.today
          ? `<br><span class="small">to ${e(date(m.interestThrough))}</span>`
          : '';
      const rates = m.interestRates.length
        ? `<br><span class="small">${e(m.interestRates.map((bp) => formatRateBp(bp, locale)).join(' / '))} a year</span>${through}`
        : '';
      const invoiced = m.invoiceDate ? `<br><span class="small">${e(date(m.invoiceDate))}</span>` : '';
      const co = m.changeOrder ? ` <span class="small">(change order ${e(m.changeOrder)})</span>` : '';
      out.push(
        `<tr><td>${e(m.id)}</td><td>${e(m.invoice)}${invoiced}</td><td>${e(what)}${co}</td>` +
          `<td class="date">${e(m.dueDate ? date(m.dueDate) : '')}</td>` +
          `<td class="num">${e(money(m.amount, m.currency))}</td><td class="num">${e(money(m.paid, m.currency))}</td><td class="num">${e(money(m.outstanding, m.currency))}</td>` +
          `<td class="num">${m.daysOverdue !== null && m.daysOverdue > 0 ? m.daysOverdue : ''}</td><td>${e(stageLabel(m.stage))}</td>` +
          `<td class="num">${m.lateInterest ? e(money(m.lateInterest, m.currency)) + rates : ''}</td><td class="num">${m.compensation ? e(money(m.compensation, m.compensationCurrency)) : ''}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  } else out.push('<p>None.</p>');
  out.push('</section>');

  // Timeline
  out.push(
    '<section id="timeline">',
    '<h2>Timeline</h2>',
    '<table><thead><tr><th>Date</th><th>Event</th><th>Milestone</th><th class="num">Amount</th><th>Details</th><th>Ledger</th></tr></thead><tbody>',
  );
  for (const ev of pack.events) out.push(timelineRow(ev, date, money));
  out.push('</tbody></table>', '</section>');

  // Small claims
  out.push('<section id="small-claims">', '<h2>Small claims</h2>');
  if (pack.smallClaims.length === 0) out.push('<p>Nothing outstanding.</p>');
  for (const s of pack.smallClaims) {
    const principal = money(s.principal, s.currency);
    if (!s.limit || s.limitMinor === null)
      out.push(
        `<p>Principal ${e(principal)}: no small-claims limit on file for ${e(c.jurisdiction || 'this jurisdiction')}; check with the court.</p>`,
      );
    else {
      const limit = money(s.limitMinor, s.limit.currency);
      const verdict =
        s.fits === null
          ? s.limit.currency !== s.currency
            ? `cannot be compared with the limit of ${limit} (a different currency)`
            : `fits or not depending on who claims (the lower limit is ${limit})`
          : s.fits
            ? `is within the limit of ${limit}: it fits a small claim`
            : `is above the limit of ${limit}: a lawyer (or an ordinary claim) is the route`;
      out.push(
        `<p>Principal ${e(principal)} ${e(verdict)}. Court: ${e(s.court)}. <span class="small">Source: ${e(s.limit.source)}; in force from ${e(date(s.limit.from))}; grade ${e(s.limit.confidence)}.</span></p>`,
      );
      if (s.limit.note) out.push(`<p class="small">${e(s.limit.note)}</p>`);
    }
  }
  out.push(
    '<p class="small">The limit is compared with the principal only: interest and costs are left out of the claim value (CPR 26.8(2) in England and Wales; Reg. 861/2007 Art. 2 for the European procedure).</p>',
    '</section>',
  );

  // Interest
  out.push('<section id="interest">', '<h2>Statutory interest and compensation</h2>');
  if (c.business === 'consumer')
    out.push('<p>The client is a consumer: no statutory late-payment interest is claimed.</p>');
  else if (!pack.statutoryInterestOn) out.push('<p>Statutory interest is switched off in Settings.</p>');
  else if (pack.interestRegime === null)
    out.push(
      `<p>Payladder has no statutory interest rules for ${e(c.jurisdiction || 'this jurisdiction')}; none is claimed.</p>`,
    );
  else out.push(`<p>${e(INTEREST_METHOD[pack.interestRegime])}</p>`);
  out.push('</section>');

  // Bad debt
  out.push('<section id="bad-debt">', '<h2>Bad debt and tax</h2>');
  out.push(
    '<p class="small">Relief for a bad debt follows the tax rules where you, the creditor, are taxed. Not tax advice: take these notes to your accountant.</p>',
  );
  for (const b of pack.badDebt) {
    out.push(
      `<h3>${e(b.title)} <span class="small">(${b.basis === 'client' ? "the client's jurisdiction" : 'your Default jurisdiction'})</span></h3>`,
    );
    if (b.notes.length > 0) {
      out.push('<ul>');
      for (const n of b.notes)
        out.push(`<li>${e(n.text)} <span class="grade">[${e(n.source)}; grade ${e(n.grade)}]</span></li>`);
      out.push('</ul>');
    }
    for (const q of b.openQuestions) out.push(`<p class="small warn">${e(q)}</p>`);
  }
  if (pack.badDebtDates.length > 0) {
    out.push(
      '<table><thead><tr><th>Milestone</th><th>Rule</th><th>Condition met from</th><th>Claim by</th></tr></thead><tbody>',
    );
    for (const d of pack.badDebtDates)
      out.push(
        `<tr><td>${e(d.milestone)}</td><td>${e(RULE_NAMES[d.rule])}</td><td class="date">${e(date(d.from))}</td><td class="date">${e(d.until ? date(d.until) : '')}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  out.push('</section>');

  // Problems
  out.push('<section id="problems">', '<h2>Ledger problems</h2>');
  if (pack.problems.length === 0) out.push("<p>None on this client's rows.</p>");
  else {
    out.push('<ul>');
    for (const p of pack.problems)
      out.push(
        `<li>${e(`${p.tab} row ${p.row ?? ''}${p.column ? `, ${p.column}` : ''}: ${p.message}`)}</li>`,
      );
    out.push('</ul>');
  }
  if (pack.ledgerErrors > 0)
    out.push(
      `<p class="small warn">The ledger has ${pack.ledgerErrors} row error(s) in all; rows with errors are left out of every figure. Check the ledger's problems before relying on this pack.</p>`,
    );
  out.push('</section>');

  out.push(
    '<footer>Prepared with Payladder from the ledger kept by the creditor. Figures are as of the date above; statutory interest keeps accruing until payment. This pack is a record of the facts, not legal or tax advice.</footer>',
    '</body>',
    '</html>',
  );
  return out.join('\n') + '\n';
}

function timelineRow(
  ev: PackEvent,
  date: (d: IsoDate | null) => string,
  money: (minor: number | null, currency: string | null) => string,
): string {
  const details = [
    ev.detail,
    ev.channel ? CHANNEL_WORDS.en[ev.channel] : '',
    ev.to ? `to ${ev.to}` : '',
    ev.link && ev.link !== ev.detail ? ev.link : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const milestones = ev.milestones.join(', ') + (ev.invoice ? ` (${ev.invoice})` : '');
  return (
    `<tr><td class="date">${e(date(ev.date))}</td><td>${e(ev.title)}</td><td>${e(milestones)}</td>` +
    `<td class="num">${e(money(ev.amount, ev.currency))}</td><td>${e(details)}</td>` +
    `<td class="small">${e(`${ev.source.tab} row ${ev.source.row}`)}</td></tr>`
  );
}

const RULE_NAMES: Readonly<Record<BadDebtDate['rule'], string>> = {
  'it.perdite.mini': 'Italy: mini-credit (≤ EUR 2,500, 6 months after due), art. 101(5) TUIR',
  'uk.vat.bdr': 'UK: VAT bad debt relief (6 months unpaid), VATA 1994 s.36',
};

/** How the figures were worked out, per regime (PRODUCT.md, "Statutory late interest"). */
const INTEREST_METHOD: Readonly<Record<'EU' | 'IT' | 'UK', string>> = {
  UK: 'Late Payment of Commercial Debts (Interest) Act 1998: Bank of England Bank Rate in force on the 30 June or 31 December before interest starts, plus 8 points, fixed for the debt (SI 2002/1675 art. 4); simple interest, day by day from the day after the due date, on the amount still unpaid, rounded once at the end. Fixed compensation per late invoice: £40 below £1,000, £70 below £10,000, £100 from £10,000 (s.5A).',
  IT: 'D.Lgs. 231/2002 art. 5: ECB main refinancing rate in force on 1 January / 1 July plus 8 points (7 for contracts before 2013), each day at the rate of its half-year, as published by the MEF in the Gazzetta Ufficiale; simple interest, day by day from the day after the due date, on the amount still unpaid, rounded once at the end. Fixed compensation EUR 40 per late invoice (art. 6(2)). Days for which no rate is published yet are not counted.',
  EU: 'Directive 2011/7/EU Art. 2(6) and 3(2): ECB main refinancing rate in force on 1 January / 1 July plus 8 points, each day at the rate of its half-year; simple interest, day by day from the day after the due date, on the amount still unpaid, rounded once at the end. Fixed compensation EUR 40 per late invoice (Art. 6). National law may add more; days with no rate on file are not counted.',
};
