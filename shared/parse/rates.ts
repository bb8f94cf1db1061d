import { isBlank } from '../cells.ts';
import { parseLocaleNumber } from '../amounts.ts';
import type { RateRow } from '../model.ts';
import type { RowReader, TabReader } from './reader.ts';

const RATE_LAW_BY_KEY = new Map<string, RateRow['law']>([
  ['eu', 'EU'],
  ['it', 'IT'],
  ['gb', 'GB'],
  ['uk', 'GB'],
]);

/**
 * The optional `Rates` tab. A percentage is read as typed (2.15 = 2.15 %), "2,15 %" in
 * the ledger's locale too; it must be a whole number of basis points, which also catches
 * a cell formatted as a percentage (it holds 2.15 % as 0.0215).
 */
export function parseRates(tab: TabReader): RateRow[] {
  const rates: RateRow[] = [];
  if (!tab.check(false)) return rates;
  const seen = new Map<string, number>();
  tab.forEachRow((r) => {
    const lawText = r.required('Law');
    const law = lawText === null ? undefined : RATE_LAW_BY_KEY.get(lawText.trim().toLowerCase());
    if (lawText !== null && !law) r.fail('unknown_rate_law', 'Law', { value: lawText });
    const from = r.date('From', true);
    if (from && law && law !== 'GB' && !/-(01|07)-01$/.test(from))
      r.fail('rate_not_half_year', 'From', { value: from, law });
    const referenceBp = readRateBp(r);
    if (r.failed || !law || !from || referenceBp === null) return;
    const key = `${law}|${law === 'GB' ? from : from.slice(0, 7)}`;
    const first = seen.get(key);
    if (first !== undefined) r.report('duplicate_rate', 'From', { value: from, law, first });
    seen.set(key, r.row);
    rates.push({ row: r.row, law, from, referenceBp, source: r.text('Source') });
  });
  return rates;
}

function readRateBp(r: RowReader): number | null {
  const raw = r.raw('Reference rate');
  if (isBlank(raw)) {
    r.fail('required', 'Reference rate');
    return null;
  }
  let percent: number | null;
  if (typeof raw === 'number') percent = Number.isFinite(raw) ? raw : null;
  else {
    const text = r.text('Reference rate').replace(/\s*%$/, '');
    percent = parseLocaleNumber(text, r.locale) ?? (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null);
  }
  const bp = percent === null ? NaN : percent * 100;
  const whole = Math.round(bp);
  if (percent === null || Math.abs(bp - whole) > 1e-6 || whole < -500 || whole > 3000) {
    r.fail('bad_rate', 'Reference rate', { value: r.text('Reference rate') });
    return null;
  }
  if (typeof raw === 'number' && percent > 0 && percent < 1)
    r.report('rate_looks_like_fraction', 'Reference rate', { value: r.text('Reference rate') });
  return whole;
}
