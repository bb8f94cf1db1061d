/**
 * The documentation pack as one self-contained, printable HTML file: inline CSS, no
 * scripts, no external fonts or images, every ledger value escaped with `escapeHtml`. In
 * the client's language (PRODUCT.md), in the order a lawyer or a court reads it: parties,
 * agreement, statement of account, interest worked out, chasing record, route, a dated
 * statement to sign. Page numbers come from CSS page-margin boxes, so they print from any
 * Chromium-based browser on A4 or Letter alike.
 *
 * Every row that comes from one ledger row carries `data-source="Tab row"`: each ledger
 * row of the client appears exactly once (tests count them).
 */
import { escapeHtml, formatDate, formatRateBp, messageLocale } from '../format.ts';
import type { IsoDate } from '../model.ts';
import { formatMoney } from '../money.ts';
import { STAGE_LABELS, CHANNEL_WORDS } from '../stage-labels.ts';
import type { Pack, PackChase, PackInterest, StatementLine } from './build.ts';
import type { PackWords } from './words.ts';
import { PACK_WORDS } from './words.ts';

const css = (w: PackWords) => `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; margin: 24px auto; max-width: 1000px; padding: 0 16px; }
h1 { font-size: 18pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 22px 0 8px; border-bottom: 1px solid #999; padding-bottom: 2px; }
h3 { font-size: 11pt; margin: 14px 0 6px; }
p.meta { color: #444; margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
/* Words never break mid-word; only a string longer than its cell (a link) may. */
td, dd, p, li { overflow-wrap: break-word; hyphens: manual; }
.link { overflow-wrap: anywhere; }
/* Invoice numbers and references are never split at their hyphens. */
.ref { white-space: nowrap; }
tr.total td { font-weight: 600; background: #f6f6f6; }
.parties { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
.missing { color: #8a4b00; font-style: italic; }
.small { font-size: 9pt; color: #444; }
.sign { margin-top: 18px; display: grid; grid-template-columns: max-content 1fr; gap: 14px 12px; max-width: 520px; }
.line { border-bottom: 1px solid #333; min-height: 1.4em; }
footer { margin-top: 24px; font-size: 9pt; color: #444; border-top: 1px solid #999; padding-top: 6px; }
@page {
  margin: 14mm 12mm 16mm;
  @bottom-right { content: "${w.page[0]} " counter(page) " ${w.page[1]} " counter(pages); font: 8pt system-ui, Arial, sans-serif; color: #444; }
}
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  table { font-size: 8.5pt; }
  th, td { padding: 2px 4px; }
  thead { display: table-header-group; }
  tr, dl, li, .sign { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

const e = escapeHtml;

/** The pack as a complete HTML document, in the pack's language. */
export function packHtml(pack: Pack): string {
  const w = PACK_WORDS[pack.language];
  const lang = pack.language;
  const locale = messageLocale(lang, pack.locale);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const date = (d: IsoDate | null) => (d === null ? w.undated : formatDate(d, locale));
  const c = pack.client;
  const by = [pack.preparedBy.yourName, pack.preparedBy.businessName].filter(Boolean).join(', ');
  const out: string[] = [];

  out.push(
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(`${w.title} — ${c.client} — ${pack.today}`)}</title>`,
    `<style>${css(w)}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${e(`${w.title}: ${c.client}`)}</h1>`,
    `<p class="meta">${e(w.asOf({ date: date(pack.today) }))}${by ? ` · ${e(w.preparedBy({ who: by }))}` : ''}</p>`,
    '</header>',
  );

  // 1. Parties, with a marker where a detail is missing and where to add it.
  const field = (name: string, value: string, where: string) =>
    `<dt>${e(name)}</dt><dd>${value ? e(value) : `<span class="missing">${e(w.missing({ where }))}</span>`}</dd>`;
  const optional = (name: string, value: string) => (value ? `<dt>${e(name)}</dt><dd>${e(value)}</dd>` : '');
  out.push(
    '<section id="parties">',
    `<h2>1. ${e(w.parties)}</h2>`,
    '<div class="parties">',
    `<div><h3>${e(w.creditor)}</h3><dl>`,
    field(w.legalName, pack.preparedBy.businessName, 'Settings → Business name'),
    optional(w.name, pack.preparedBy.yourName),
    field(w.address, pack.you.address, 'Settings → Your address'),
    field(w.companyNumber, pack.you.companyNumber, 'Settings → Your company number'),
    field(w.vatNumber, pack.you.vatNumber, 'Settings → Your VAT number'),
    '</dl></div>',
    `<div><h3>${e(w.debtor)}</h3><dl>`,
    field(w.legalName, c.legalName, 'Clients → Legal name'),
    optional(w.name, c.legalName && c.legalName !== c.client ? c.client : ''),
    field(w.address, c.address, 'Clients → Address'),
    field(w.companyNumber, c.companyNumber, 'Clients → Company number'),
    field(w.vatNumber, c.vatNumber, 'Clients → VAT number'),
    optional(w.contact, c.contact),
    c.emails.length ? `<dt>${e(w.email)}</dt><dd>${keep(c.emails.join(', '))}</dd>` : '',
    '</dl></div>',
    '</div>',
    '</section>',
  );

  // 2. The agreement.
  const contract = c.contractDate
    ? w.contractSigned({ date: date(c.contractDate) })
    : c.contract !== ''
      ? w.contractLink({ link: c.contract })
      : w.noContract;
  out.push(
    '<section id="agreement">',
    `<h2>2. ${e(w.agreement)}</h2>`,
    `<dl><dt>${e(w.contract)}</dt><dd data-source="${e(`Clients ${c.row}`)}">${e(contract)}</dd>`,
    `<dt>${e(w.terms)}</dt><dd>${e(w.termsValue({ days: String(c.terms) }))}</dd>`,
    `<dt>${e(w.grace)}</dt><dd>${e(w.graceValue({ days: String(c.grace) }))}</dd></dl>`,
    `<h3>${e(w.changeOrders)}</h3>`,
  );
  if (pack.changeOrders.length === 0) out.push(`<p>${e(w.noChangeOrders)}</p>`);
  else {
    out.push(
      `<table><thead><tr><th>${e(w.changeOrder)}</th><th>${e(w.description)}</th><th class="num">${e(w.amount)}</th><th>${e(w.requested)}</th><th>${e(w.signed)}</th><th>${e(w.billed)}</th></tr></thead><tbody>`,
    );
    for (const co of pack.changeOrders) {
      const billed = co.billed.length
        ? co.billed
            .map((b) =>
              b.invoiceDate
                ? w.billedOn({ what: b.invoice || b.id, date: date(b.invoiceDate) })
                : `${b.invoice || b.id} (${w.notInvoicedYet})`,
            )
            .join('; ')
        : w.notBilled;
      out.push(
        `<tr data-source="${e(`Change orders ${co.row}`)}"><td>${e(co.id)}</td><td>${e(co.description)}</td>` +
          `<td class="num">${co.amount === null ? e(w.notRecorded) : e(money(co.amount, c.currency))}</td>` +
          `<td class="date">${e(co.requested ? date(co.requested) : w.notRecorded)}</td>` +
          `<td class="date">${e(co.signed ? date(co.signed) : w.notSigned)}</td><td>${keep(billed)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');

  // 3. Statement of account, one table per currency, with the claim's totals.
  out.push('<section id="statement">', `<h2>3. ${e(w.statement)}</h2>`);
  if (pack.statement.length === 0) out.push(`<p>${e(w.noStatement)}</p>`);
  for (const s of pack.statement) {
    if (pack.statement.length > 1) out.push(`<h3>${e(w.inCurrency({ currency: s.currency }))}</h3>`);
    out.push(
      `<table class="statement" data-currency="${e(s.currency)}"><thead><tr><th>${e(w.date)}</th><th>${e(w.document)}</th><th>${e(w.description)}</th><th class="num">${e(w.debit)}</th><th class="num">${e(w.credit)}</th><th class="num">${e(w.balance)}</th></tr></thead><tbody>`,
    );
    for (const l of s.lines) out.push(statementRow(l, s.currency, w, date, money));
    out.push(
      `<tr class="total"><td colspan="5">${e(w.balanceDue)}</td><td class="num">${e(money(s.closing, s.currency))}</td></tr>`,
      '</tbody></table>',
    );
    for (const o of s.overpaid)
      out.push(
        `<p class="small">${e(w.overpaid({ milestone: o.milestone, amount: money(o.amount, s.currency) }))}</p>`,
      );
  }
  if (pack.excluded.length > 0) {
    out.push(`<h3>${e(w.excluded)}</h3>`, '<ul class="excluded">');
    for (const x of pack.excluded) {
      const m = x.milestone;
      const what = [m.invoice || m.id, m.project, m.description].filter(Boolean).join(' — ');
      out.push(
        `<li data-source="${e(`Milestones ${m.row}`)}">${e(`${what}: ${money(m.amount, m.currency)}, ${w.excludedReason[x.reason]}.`)}`,
      );
      if (x.payments.length > 0) {
        out.push('<ul>');
        for (const p of x.payments)
          out.push(
            `<li data-source="${e(`${p.source.tab} ${p.source.row}`)}">${e(w.paymentOn({ amount: money(p.amount, m.currency), date: date(p.date) }))}</li>`,
          );
        out.push('</ul>');
      }
      out.push('</li>');
    }
    out.push('</ul>');
  }
  if (pack.totals.some((t) => t.totalClaim > 0)) {
    out.push(
      `<h3>${e(w.summary)}</h3>`,
      `<table class="claim"><thead><tr><th>${e(w.currency)}</th><th class="num">${e(w.outstanding)}</th><th class="num">${e(w.overdue)}</th><th class="num">${e(w.interest)}</th><th class="num">${e(w.compensation)}</th><th class="num">${e(w.totalClaim)}</th></tr></thead><tbody>`,
    );
    for (const t of pack.totals)
      if (t.totalClaim > 0)
        out.push(
          `<tr><td>${e(t.currency)}</td><td class="num">${e(money(t.outstanding, t.currency))}</td><td class="num">${e(money(t.overdue, t.currency))}</td><td class="num">${e(money(t.lateInterest, t.currency))}</td><td class="num">${e(money(t.compensation, t.currency))}</td><td class="num"><strong>${e(money(t.totalClaim, t.currency))}</strong></td></tr>`,
        );
    out.push('</tbody></table>');
  }
  out.push('</section>');

  // 4. Interest and compensation worked out.
  out.push('<section id="interest">', `<h2>4. ${e(w.interestHeading)}</h2>`);
  if (c.business === 'consumer') out.push(`<p>${e(w.consumer)}</p>`);
  else if (!pack.statutoryInterestOn) out.push(`<p>${e(w.interestOff)}</p>`);
  else if (pack.interestRegime === null)
    out.push(`<p>${e(w.noRegime({ jurisdiction: c.jurisdiction || '—' }))}</p>`);
  else {
    out.push(`<p class="small">${e(w.method[pack.interestRegime])}</p>`);
    const source = pack.interest[0]?.source;
    if (source) out.push(`<p class="small">${e(w.lawAndSource)}: ${e(source)}</p>`);
    for (const i of pack.interest) out.push(interestBlock(i, w, date, money, locale));
    if (pack.interest.some((i) => i.periods.length > 0))
      out.push(`<p class="small">${e(w.roundingNote)}</p>`);
  }
  out.push('</section>');

  // 5. Chasing record.
  out.push('<section id="chasing">', `<h2>5. ${e(w.chasing)}</h2>`);
  if (pack.chasing.length === 0) out.push(`<p>${e(w.noMessages)}</p>`);
  else {
    out.push(
      `<table><thead><tr><th>${e(w.date)}</th><th>${e(w.step)}</th><th>${e(w.channel)}</th><th>${e(w.recipient)}</th><th>${e(w.invoices)}</th><th>${e(w.subjectAndLink)}</th></tr></thead><tbody>`,
    );
    for (const ch of pack.chasing) out.push(chaseRow(ch, w, lang, date, money));
    out.push('</tbody></table>');
  }
  out.push('</section>');

  // 6. The route: notice given, whether the claim fits, what comes next.
  out.push('<section id="route">', `<h2>6. ${e(w.route)}</h2>`);
  const n = pack.notice;
  if (n) {
    const letter = n.notice.letter;
    const days = String(n.notice.days);
    out.push(
      `<p>${e(
        n.demandSent && n.deadline
          ? w.noticeGiven({ letter, date: date(n.demandSent), days, deadline: date(n.deadline) })
          : w.noticeNotGiven({ letter, days }),
      )}</p>`,
    );
    if (!n.demandSent && pack.chasing.some((ch) => ch.stage === 'demand' && ch.channel === 'draft'))
      out.push(`<p class="small">${e(w.noticeDraftOnly)}</p>`);
  }
  if (pack.smallClaims.length === 0) out.push(`<p>${e(w.nothingOutstanding)}</p>`);
  for (const s of pack.smallClaims) {
    const principal = money(s.principal, s.currency);
    const l = s.limit;
    if (!l || s.limitMinor === null) {
      out.push(`<p>${e(w.noLimit({ principal, jurisdiction: c.jurisdiction || '—' }))}</p>`);
    } else {
      const limit = money(s.limitMinor, l.currency);
      const route = l.route;
      const verdict =
        s.fits === null
          ? l.currency !== s.currency
            ? w.fitsCurrency({ principal, limit })
            : w.fitsDepends({ principal, limit })
          : s.fits
            ? w.fitsYes({ principal, limit, route })
            : w.fitsNo({ principal, limit, route });
      const court = lang === 'it' && l.it ? l.it.court : s.court;
      const note = lang === 'it' && l.it ? l.it.note : l.note;
      out.push(
        `<p>${e(verdict)} ${e(w.court({ court }))}</p>`,
        `<p class="small">${e(w.limitSource({ source: l.source, date: date(l.from) }))}${note ? ` ${e(note)}` : ''}</p>`,
      );
    }
    const next = !n
      ? w.nextCheck
      : !n.demandSent || !n.deadline
        ? w.nextSendDemand({ letter: n.notice.letter, days: String(n.notice.days) })
        : n.deadline > pack.today
          ? w.nextWait({ date: date(n.deadline) })
          : s.fits === true && l
            ? w.nextFile({ route: l.route })
            : s.fits === false
              ? w.nextLawyer
              : w.nextCheck;
    out.push(`<p><strong>${e(w.next)}:</strong> ${e(next)}</p>`);
  }
  if (pack.smallClaims.length > 0) out.push(`<p class="small">${e(w.principalOnly)}</p>`);
  out.push('</section>');

  // 7. A dated statement for the user to sign.
  out.push(
    '<section id="declaration">',
    `<h2>7. ${e(w.declaration)}</h2>`,
    `<p>${e(w.declarationText)}</p>`,
    '<div class="sign">',
    `<span>${e(w.name)}</span><span class="line">${e(by)}</span>`,
    `<span>${e(w.date)}</span><span class="line">${e(date(pack.today))}</span>`,
    `<span>${e(w.signature)}</span><span class="line"></span>`,
    '</div>',
    '</section>',
    `<footer>${e(w.footer)}</footer>`,
    '</body>',
    '</html>',
  );
  return out.join('\n') + '\n';
}

type DateFn = (d: IsoDate | null) => string;
type MoneyFn = (minor: number, currency: string) => string;

function statementRow(
  l: StatementLine,
  currency: string,
  w: PackWords,
  date: DateFn,
  money: MoneyFn,
): string {
  const ref = l.invoice || l.milestone;
  const doc =
    l.kind === 'invoice'
      ? l.invoice
        ? w.invoiceDoc({ invoice: l.invoice })
        : w.dueDoc({ milestone: l.milestone })
      : l.kind === 'payment'
        ? w.paymentDoc({ what: ref })
        : `${l.kind === 'written_off' ? w.writtenOff : w.markedPaid} (${ref})`;
  const cell = (v: number) => (v === 0 ? '' : e(money(v, currency)));
  const docHtml = refHtml(doc, ref);
  return (
    // An adjustment comes from the milestone's Status, not a row of its own: no data-source.
    `<tr ${l.kind === 'invoice' || l.kind === 'payment' ? 'data-source' : 'data-status'}="${e(`${l.source.tab} ${l.source.row}`)}" data-kind="${l.kind}"><td class="date">${e(date(l.date))}</td><td>${docHtml}</td><td>${keep(l.description)}${l.notDueUntil ? ` <span class="small">(${e(w.notDue({ date: date(l.notDueUntil) }))})</span>` : ''}</td>` +
    `<td class="num">${cell(l.debit)}</td><td class="num">${cell(l.credit)}</td><td class="num">${e(money(l.balance, currency))}</td></tr>`
  );
}

function interestBlock(i: PackInterest, w: PackWords, date: DateFn, money: MoneyFn, locale: string): string {
  const out = [`<h3>${e(w.interestFor({ what: i.invoice || i.milestone, date: date(i.dueDate) }))}</h3>`];
  if (i.periods.length > 0) {
    out.push(
      `<table class="interest" data-milestone="${e(i.milestone)}"><thead><tr><th>${e(w.from)}</th><th>${e(w.to)}</th><th class="num">${e(w.days)}</th><th class="num">${e(w.rate)}</th><th class="num">${e(w.unpaid)}</th><th>${e(w.working)}</th><th class="num">${e(w.interest)}</th></tr></thead><tbody>`,
    );
    for (const p of i.periods) {
      const rate = formatRateBp(p.rateBp, locale);
      out.push(
        `<tr><td class="date">${e(date(p.from))}</td><td class="date">${e(date(p.to))}</td><td class="num">${p.days}</td><td class="num">${e(rate)}</td><td class="num">${e(money(p.principal, i.currency))}</td>` +
          `<td>${e(`${money(p.principal, i.currency)} × ${rate} × ${p.days} ÷ 365`)}</td><td class="num">${e(money(p.interest, i.currency))}</td></tr>`,
      );
    }
    out.push(
      `<tr class="total"><td colspan="6">${e(w.interestTotal)}</td><td class="num">${e(money(i.interest, i.currency))}</td></tr>`,
    );
    if (i.compensation > 0)
      out.push(
        `<tr class="total"><td colspan="6">${e(w.fixedCompensation)}</td><td class="num">${e(money(i.compensation, i.compensationCurrency))}</td></tr>`,
      );
    out.push('</tbody></table>');
  } else {
    out.push(`<p>${e(w.noInterestDays({ from: date(i.uncovered?.from ?? i.dueDate) }))}</p>`);
    if (i.compensation > 0)
      out.push(`<p>${e(w.fixedCompensation)}: ${e(money(i.compensation, i.compensationCurrency))}</p>`);
  }
  if (i.uncovered && i.through)
    out.push(
      `<p class="small">${e(w.countedTo({ through: date(i.through), from: date(i.uncovered.from), to: date(i.uncovered.to) }))}</p>`,
    );
  return out.join('\n');
}

function chaseRow(ch: PackChase, w: PackWords, lang: 'en' | 'it', date: DateFn, money: MoneyFn): string {
  const step = ch.kind === 'dispute' ? w.disputed : ch.stage ? STAGE_LABELS[lang][ch.stage] : '—';
  const channel =
    ch.kind === 'dispute'
      ? w.disputeChannel
      : ch.kind === 'promise'
        ? w.promiseChannel
        : ch.channel === 'draft'
          ? w.draft
          : ch.channel === 'phone'
            ? w.phone
            : ch.channel
              ? CHANNEL_WORDS[lang][ch.channel]
              : w.noChannel;
  const milestones = ch.invoice || ch.milestones.join(', ');
  const subject =
    ch.kind === 'dispute'
      ? ch.subject
      : ch.kind === 'promise' && ch.promise
        ? w.promiseLine(
            ch.promise.amount === null ? '—' : money(ch.promise.amount, ch.promise.currency),
            date(ch.promise.by),
            ch.promise.state,
          )
        : ch.subject || w.noSubject;
  const link = ch.link ? `<br><span class="link small">${e(ch.link)}</span>` : '';
  return (
    `<tr ${ch.kind === 'dispute' ? 'data-status' : 'data-source'}="${e(`${ch.source.tab} ${ch.source.row}`)}" data-kind="${ch.kind}"${ch.channel ? ` data-channel="${ch.channel}"` : ''}>` +
    `<td class="date">${e(ch.date ? date(ch.date) : w.disputeUndated)}</td><td>${keep(step)}</td><td>${keep(channel)}</td>` +
    `<td>${ch.to ? keep(ch.to) : e(ch.kind === 'message' ? w.notRecorded : '—')}</td><td>${milestones
      .split(', ')
      .map((r) => refHtml(r, r))
      .join(', ')}</td><td>${keep(subject)}${link}</td></tr>`
  );
}

/** `text` escaped, with `ref` (an invoice number) kept on one line. */
function refHtml(text: string, ref: string): string {
  const at = ref ? text.indexOf(ref) : -1;
  if (at < 0) return e(text);
  return `${e(text.slice(0, at))}<span class="ref">${e(ref)}</span>${e(text.slice(at + ref.length))}`;
}

/**
 * `text` escaped, with hyphenated words ("FT-2026-058", "follow-up") kept on one line (a
 * reference split at its hyphen reads as two, and pdftotext joins the halves) and e-mail
 * addresses allowed to wrap after "@" only.
 */
function keep(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) =>
      /\w-\w/.test(word)
        ? `<span class="ref">${e(word)}</span>`
        : word.includes('@')
          ? e(word).replace('@', '@<wbr>')
          : e(word),
    )
    .join('');
}
