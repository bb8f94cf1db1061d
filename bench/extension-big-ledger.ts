/**
 * A large synthetic ledger for the extension benchmarks: `clients` clients with
 * `milestonesPerClient` milestones each, payments on about half of them and reminders on a
 * third, as the Sheets API returns it (UNFORMATTED_VALUE + SERIAL_NUMBER: dates as serial
 * numbers, amounts as numbers). Deterministic: the same arguments give the same rows.
 */
import type { IsoDate, RawLedger } from '../shared/index.ts';
import {
  CLIENTS,
  MILESTONES,
  PAYMENTS,
  REMINDERS,
  SETTINGS,
  TEMPLATES,
  inputHeaders,
  isoToSerial,
} from '../shared/index.ts';

// A small linear congruential generator: repeatable figures from run to run.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface BigLedgerOptions {
  clients: number;
  milestonesPerClient: number;
  today: IsoDate;
}

export function bigLedger({ clients, milestonesPerClient, today }: BigLedgerOptions): RawLedger {
  const random = rng(42);
  const todaySerial = isoToSerial(today);
  const currencies = ['EUR', 'GBP', 'USD'] as const;
  const jurisdictions = ['IT', 'GB-ENG', 'US-CA'] as const;
  const clientRows: unknown[][] = [];
  const milestoneRows: unknown[][] = [];
  const paymentRows: unknown[][] = [];
  const reminderRows: unknown[][] = [];
  for (let c = 0; c < clients; c++) {
    const name = `Client ${String(c).padStart(5, '0')} S.r.l.`;
    const k = c % 3;
    clientRows.push([
      name,
      `accounts@client${c}.example.com, @client${c}.example.com`,
      `Contact ${c}`,
      k === 0 ? 'it' : 'en',
      currencies[k],
      jurisdictions[k],
      'B2B',
      30,
      30,
      todaySerial - 400,
      (['low', 'medium', 'high'] as const)[c % 3],
      c % 5 === 0 ? 'Pays late in August.' : '',
    ]);
    for (let i = 0; i < milestonesPerClient; i++) {
      const id = `M-${c}-${i}`;
      const invoiceSerial = todaySerial - Math.floor(random() * 200);
      const amount = Math.round(200 + random() * 9_800);
      milestoneRows.push([
        id,
        name,
        'Project',
        `Milestone ${i}`,
        amount,
        '',
        `INV-${c}-${i}`,
        invoiceSerial,
        '',
        '',
        '',
      ]);
      const r = random();
      if (r < 0.5)
        paymentRows.push([invoiceSerial + 20, id, r < 0.4 ? amount : Math.round(amount / 2), 'bank', '']);
      if (random() < 0.33) {
        reminderRows.push([
          invoiceSerial + 35,
          id,
          name,
          'reminder',
          'reminder',
          `accounts@client${c}.example.com`,
          `Invoice INV-${c}-${i}`,
          'gmail',
          '',
        ]);
      }
    }
  }
  return {
    [CLIENTS.name]: [inputHeaders(CLIENTS), ...clientRows],
    [MILESTONES.name]: [inputHeaders(MILESTONES), ...milestoneRows],
    [PAYMENTS.name]: [inputHeaders(PAYMENTS), ...paymentRows],
    [REMINDERS.name]: [inputHeaders(REMINDERS), ...reminderRows],
    [TEMPLATES.name]: [inputHeaders(TEMPLATES)],
    [SETTINGS.name]: [
      inputHeaders(SETTINGS),
      ['Your name', 'Alex Morgan'],
      ['Default currency', 'EUR'],
      ['Locale', 'en_GB'],
      ['Time zone', 'Europe/Rome'],
      ['Statutory interest', 'on'],
    ],
  };
}
