/** Large synthetic ledgers for benchmarks: deterministic, realistic cell types. */
import type { IsoDate, RawLedger } from '../shared/index.ts';
import {
  CLIENTS,
  MILESTONES,
  PAYMENTS,
  REMINDERS,
  SETTINGS,
  addDays,
  inputHeaders,
  isoToSerial,
} from '../shared/index.ts';

/** A ledger shaped like the Sheets API's UNFORMATTED_VALUE + SERIAL_NUMBER answer. */
export function bigLedger(clients: number, milestones: number, today: IsoDate = '2026-11-30'): RawLedger {
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff;
  const jur = ['IT', 'GB-ENG', 'US-CA', 'EU', 'GB-SCT'];
  const cur = ['EUR', 'GBP', 'USD', 'EUR', 'GBP'];
  const clientRows: unknown[][] = [inputHeaders(CLIENTS)];
  for (let i = 0; i < clients; i++) {
    const k = i % 5;
    clientRows.push([
      `Client ${i}`,
      `ap@client${i}.example.com, @client${i}.example.com`,
      `Contact ${i}`,
      i % 3 ? 'en' : 'it',
      cur[k],
      jur[k],
      'B2B',
      30,
      30,
      isoToSerial('2025-01-01'),
      'low',
      '',
    ]);
  }
  const msRows: unknown[][] = [inputHeaders(MILESTONES)];
  const payRows: unknown[][] = [inputHeaders(PAYMENTS)];
  const remRows: unknown[][] = [inputHeaders(REMINDERS)];
  for (let i = 0; i < milestones; i++) {
    const c = i % clients;
    const invoice = addDays(today, -Math.floor(rand() * 200));
    msRows.push([
      `M-${i}`,
      `Client ${c}`,
      'Project',
      'Work',
      Math.round(rand() * 1_000_000) / 100,
      '',
      `INV-${i}`,
      isoToSerial(invoice),
      '',
      '',
      '',
    ]);
    if (i % 3 === 0) payRows.push([isoToSerial(addDays(invoice, 20)), `M-${i}`, 100, 'Bank transfer', '']);
    if (i % 4 === 0)
      remRows.push([
        isoToSerial(addDays(invoice, 35)),
        `M-${i}`,
        `Client ${c}`,
        'reminder',
        'reminder',
        '',
        '',
        'gmail',
        '',
      ]);
  }
  return {
    Clients: clientRows,
    Milestones: msRows,
    Payments: payRows,
    Reminders: remRows,
    Settings: [inputHeaders(SETTINGS), ['Locale', 'en_GB'], ['Time zone', 'Europe/Rome']],
  };
}
