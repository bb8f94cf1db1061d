/**
 * Every problem code rendered in English and Italian (issue 12): all codes covered, every
 * param used, no raw ids in the text, and the Italian text Italian (it differs from the
 * English and has none of a list of English giveaway words).
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/model.ts';
import type { ProblemCode, ProblemParams } from '../../shared/problems.ts';
import { PROBLEM_SEVERITY, problem, problemText } from '../../shared/problems.ts';
import { problemsCell } from '../../shared/computed.ts';
import { MAX_MINOR_UNITS } from '../../shared/amounts.ts';

interface Sample {
  tab: string;
  row: number | null;
  column: string | null;
  params: ProblemParams;
}

const cell = (column: string, params: ProblemParams = {}, tab = 'Milestones', row = 7): Sample => ({
  tab,
  row,
  column,
  params,
});
const whole = (
  tab: string,
  params: ProblemParams,
  column: string | null = null,
  row: number | null = null,
) => ({
  tab,
  row,
  column,
  params,
});

/** One problem per code, with the params its producer gives it (shared/parse, report, law, messages). */
const SAMPLES: Record<ProblemCode, Sample> = {
  missing_tab: whole('Payments', {}),
  missing_column: whole('Payments', {}, 'Amount', 1),
  formula_error: cell('Amount', { cell: 'F7', value: '#REF!' }),
  required: cell('Amount', { cell: 'F7' }),
  bad_date: cell('Due date', { value: '31.13.26', example: '30/01/2026', locale: 'it_IT' }),
  impossible_date: cell('Due date', { value: '2026-02-30' }),
  bad_amount: cell('Amount', { value: 'lots', example: '1.234,50', locale: 'it_IT' }),
  amount_letters: cell('Amount', { value: '12k', example: '1.234,50', locale: 'it_IT', currency: 'EUR' }),
  amount_exponent: cell('Amount', { value: '1E+21', example: '1.234,50', locale: 'it_IT' }),
  amount_too_large: cell('Amount', { value: '1E+300', max: MAX_MINOR_UNITS, currency: 'EUR' }),
  amount_currency: cell('Amount', { value: '£300', currency: 'EUR' }),
  bad_decimals: cell('Amount', { value: '12,345', currency: 'JPY', digits: 0, locale: 'it_IT' }),
  not_positive: cell('Amount', { value: '-40' }),
  bad_days: cell('Terms', { value: 'thirty' }, 'Clients'),
  unknown_currency: cell('Currency', { value: 'EURO' }),
  no_currency: cell('Currency'),
  unknown_jurisdiction: cell('Jurisdiction', { value: 'UK' }, 'Clients'),
  unknown_language: cell('Language', { value: 'fr' }, 'Clients'),
  unknown_business: cell('Business', { value: 'ltd' }, 'Clients'),
  unknown_risk: cell('Risk', { value: 'huge' }, 'Clients'),
  unknown_status: cell('Status', { value: 'Gone' }),
  unknown_stage: cell('Stage', { value: 'late', allowed: 'reminder, followup' }, 'Reminders'),
  unknown_channel: cell('Channel', { value: 'fax' }, 'Reminders'),
  id_separator: cell('ID', { cell: 'A7', value: 'M1,2', suggestion: 'M1-2' }),
  duplicate_id: cell('ID', { value: 'M-9', first: 4 }),
  unknown_client: cell('Client', { value: 'Nobody Srl' }),
  rejected_client: cell('Client', { value: 'Rossi Srl', first: 5 }),
  unknown_milestone: cell('Milestone', { value: 'M-77' }, 'Payments'),
  rejected_milestone: cell('Milestone', { value: 'M-78', first: 9 }, 'Payments'),
  unknown_change_order: cell('Change order', { value: 'CO-3' }),
  bad_email: cell('Emails', { value: 'ap@' }, 'Clients'),
  no_contract: cell('Contract', { client: 'Rossi Srl' }, 'Clients'),
  unsigned_change_order: cell('Change order', { value: 'CO-4' }),
  no_written_reminder: whole('Milestones', { stage: 'small_claims' }, 'Stage', 7),
  promise_before_made: cell('Promised by', { value: '2026-10-01', date: '2026-10-05' }, 'Promises'),
  future_entry: cell('Date', { value: '2027-01-05', today: '2026-11-30' }, 'Payments'),
  interest_rate_unknown: whole('Rates', {
    law: 'GB',
    from: '2026-06-30',
    count: 3,
    ids: 'M-1, M-2, M-3',
    start: '2026-07-01',
    end: '2026-12-31',
  }),
  rate_overrides_builtin: whole(
    'Rates',
    { law: 'EU', from: '2026-07-01', value: 2.15, builtIn: 2.4, source: 'ECB 2026-06-11' },
    'Reference rate',
    3,
  ),
  unknown_rate_law: cell('Law', { value: 'FR' }, 'Rates'),
  rate_not_half_year: cell('From', { value: '2026-03-01', law: 'EU' }, 'Rates'),
  bad_rate: cell('Reference rate', { value: 'high' }, 'Rates'),
  rate_looks_like_fraction: cell('Reference rate', { value: '0.0215' }, 'Rates'),
  duplicate_rate: cell('From', { value: '2026-07-01', law: 'IT', first: 2 }, 'Rates'),
  party_detail_missing: whole(
    'Settings',
    {
      notice: 'uk.pap.letter',
      client: 'Acme Ltd',
      what: 'reply_address',
      setting: 'Your address',
      why: 'pap',
    },
    'Value',
  ),
  interest_not_on_file: whole('Milestones', { jurisdiction: 'US-CA' }, 'Late interest', 7),
  compensation_currency: whole('Milestones', { regimeCurrency: 'GBP', currency: 'USD' }, 'Compensation', 7),
  overpaid: whole('Milestones', { paid: 1_200_000, amount: 588_000, currency: 'EUR' }, 'Amount', 7),
  payment_before_invoice: cell('Date', { value: '2026-01-02', invoiceDate: '2026-02-01' }, 'Payments'),
  unknown_setting: cell('Setting', { value: 'Colour', allowed: 'Locale, Time zone' }, 'Settings'),
  bad_setting: whole('Settings', { value: 'Mars/Base', setting: 'Time zone', hint: 'time_zone' }, 'Value', 4),
  future_payment: cell('Date', { value: '2027-02-01' }, 'Payments'),
  template_unknown_placeholder: whole(
    'Templates',
    { value: 'amout', message: 'stop_work', language: 'it', allowed: '{{client}}, {{outstanding}}' },
    'Body',
    2,
  ),
  template_bad_syntax: whole(
    'Templates',
    {
      syntax: 'mismatch',
      name: 'milestones',
      open: 'payment_details',
      message: 'small_claims',
      language: 'en',
    },
    'Body',
    2,
  ),
  template_missing_value: whole('Templates', {
    value: 'payment_plan',
    client: 'Acme Ltd',
    message: 'payment_plan',
    language: 'it',
  }),
  template_duplicate: whole('Templates', { value: 'broken_promise', language: 'it', first: 2 }, 'Stage', 5),
  template_empty: whole('Templates', { value: 'change_order', language: 'en' }, 'Subject', 3),
};

const sample = (code: ProblemCode, params = SAMPLES[code].params): Problem => {
  const s = SAMPLES[code];
  return problem(code, s.tab, s.row, s.column, params);
};
/** Intl's narrow and no-break spaces as plain ones, to compare with typed text. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const both = (p: Problem, lang: 'en' | 'it') => {
  const t = problemText(p, lang);
  return `${t.message}\n${t.fix}`;
};
/** Another value of the same kind: a later ISO date, a bigger number, another id or name. */
const ALTERNATIVE: Readonly<Record<string, string>> = {
  small_claims: 'stop_work',
  stop_work: 'demand',
  payment_plan: 'dispute',
  broken_promise: 'reminder',
  change_order: 'final',
  it: 'en',
  en: 'it',
  GB: 'EU',
  EU: 'IT',
  IT: 'GB',
  'uk.pap.letter': 'it.mora',
  reply_address: 'legal_name',
  pap: 'registered',
  time_zone: 'locale',
  mismatch: 'unclosed',
  EUR: 'GBP',
  USD: 'CHF',
  GBP: 'EUR',
};
function another(value: string | number): string | number {
  if (typeof value === 'number') return value + 1;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return `${value.slice(0, 8)}1${value.slice(9)}`.replace(/-1(\d)$/, '-2$1');
  return ALTERNATIVE[value] ?? `${value}Q`;
}

/** Words an Italian text never has; the ledger's English headers and legal names are allowed. */
const ENGLISH =
  /\b(the|is|are|and|not|with|which|should|must|empty|missing|Use|Type|Check|Fill|Add|Delete|Write|already|cannot|after)\b/;
/** A raw snake_case id, outside quotes and {{placeholders}} (values the user types stay as typed). */
const RAW_ID = /\b[a-z]+_[a-z_]+\b/;
const unquoted = (text: string) =>
  text
    .replace(/"[^"]*"/g, '')
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/\[[a-z_]+\]/g, ''); // the [name] marker a draft shows for a missing value

describe('problem texts', () => {
  it('has a sample for every code, and a code for every sample', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(PROBLEM_SEVERITY).sort());
  });

  for (const code of Object.keys(PROBLEM_SEVERITY) as ProblemCode[]) {
    it(`${code}: English and Italian, every param used, no raw ids`, () => {
      const p = sample(code);
      const en = problemText(p, 'en');
      const it = problemText(p, 'it');
      for (const t of [en, it]) {
        expect(t.message.length, code).toBeGreaterThan(10);
        expect(t.fix.length, code).toBeGreaterThan(5);
        expect(`${t.message} ${t.fix}`).not.toMatch(/undefined|NaN|\[object|Invalid Date|\$\{/);
        expect(unquoted(`${t.message} ${t.fix}`), code).not.toMatch(RAW_ID);
      }
      expect(it.message).not.toBe(en.message);
      expect(it.fix).not.toBe(en.fix);
      expect(`${it.message} ${it.fix}`).not.toMatch(ENGLISH);
      // Every param shows: another value of it changes both languages' text.
      for (const [key, value] of Object.entries(SAMPLES[code].params)) {
        const changed = sample(code, { ...SAMPLES[code].params, [key]: another(value) });
        for (const lang of ['en', 'it'] as const)
          expect(both(changed, lang), `${code} ${lang} ${key}`).not.toBe(both(p, lang));
      }
    });
  }

  it('writes money, dates and numbers in the language’s locale', () => {
    const overpaid = sample('overpaid');
    expect(plain(problemText(overpaid, 'it').message)).toContain('12.000,00 €');
    expect(plain(problemText(overpaid, 'it').message)).toContain('5.880,00 €');
    expect(problemText(overpaid, 'en').message).toContain('€5,880.00');
    expect(problemText(overpaid, 'en', 'en_US').message).toContain('€5,880.00');
    const rate = sample('interest_rate_unknown');
    expect(problemText(rate, 'it').message).toContain('30 giugno 2026');
    expect(problemText(rate, 'en').message).toContain('30 June 2026');
    expect(plain(problemText(sample('rate_overrides_builtin'), 'it').message)).toContain('2,15 %');
    expect(problemText(sample('rate_overrides_builtin'), 'en').message).toContain('2.15 %');
  });

  it('names steps and messages in words, never by id', () => {
    expect(problemText(sample('no_written_reminder'), 'en').message).toBe(
      'No written reminder sent before the notice of court claim.',
    );
    const demand = problem('no_written_reminder', 'Milestones', 7, 'Stage', { stage: 'demand' });
    expect(problemText(demand, 'en').message).toBe('No written reminder sent before the formal demand.');
    expect(problemText(demand, 'it').message).toBe(
      'Nessun sollecito scritto inviato prima della messa in mora.',
    );
  });

  it('writes the Problems cell in the ledger’s language', () => {
    const problems = [sample('overpaid'), sample('no_written_reminder')];
    const it = plain(problemsCell(problems, 'it'));
    expect(it.split('\n')).toHaveLength(2);
    expect(it).toContain('⚠ Amount: I pagamenti sommano 12.000,00 €');
    expect(it).not.toMatch(ENGLISH);
    expect(problemsCell(problems, 'en')).toContain('⚠ Amount: Payments add up to €12,000.00');
  });

  it('reads an unknown code (from a newer version) as its code rather than failing', () => {
    const p = { ...sample('required'), code: 'from_the_future' };
    expect(problemText(p, 'it')).toEqual({ message: 'from_the_future', fix: '' });
  });
});
