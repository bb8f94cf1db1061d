/**
 * The parsed ledger as of the last sync, compressed, in `storage.local`: what the service
 * worker answers the Gmail overlay from after a restart, and what the popup's figures stay
 * backed by while Google cannot be reached. Only the background imports this module: WXT
 * reads an item once when it is defined, and the popup must not pay for megabytes it never
 * shows.
 *
 * The full report is not stored: for a big ledger it is more than twice the ledger's size
 * and would not fit the 10 MB quota beside it; the popup's part of it is in `view`, and the
 * overlay's part is recomputed per client from the ledger (`ledger-state.ts`).
 */
import * as z from 'zod';
import type { Ledger as LedgerType, Problem as ProblemType } from '../../shared/index.ts';
import { Ledger, Problem } from '../../shared/index.ts';
import { gunzipBase64, gzipBase64 } from './compress.ts';
import type { Stored } from './stored.ts';
import { defineCache } from './stored.ts';

/** The Reminders tab's name and header row as the last batchGet returned them. */
export const RemindersHeader = z.object({ tab: z.string(), header: z.array(z.string()) });
export type RemindersHeader = z.infer<typeof RemindersHeader>;

/** Bump when the envelope or the ledger's shape changes: an older cache is then dropped and read again. */
export const LEDGER_CACHE_VERSION = 1;

const Envelope = z.object({
  version: z.literal(LEDGER_CACHE_VERSION),
  source: z.enum(['sheet', 'demo']),
  spreadsheetId: z.string().nullable(),
  /** Epoch ms. */
  syncedAt: z.number(),
  title: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  reminders: RemindersHeader.nullable(),
  /** SHA-256 of what the sheet answered: an unchanged sheet is not parsed or written again. */
  fingerprint: z.string(),
  encoding: z.literal('gzip-base64-json'),
  /** `{ ledger, problems }` as JSON, gzipped, base64. */
  data: z.string(),
  /** Size of that JSON before compression. */
  jsonBytes: z.number().int(),
});
type Envelope = z.infer<typeof Envelope>;

const Payload = z.object({ ledger: Ledger, problems: z.array(Problem) });

export interface CachedLedger {
  source: 'sheet' | 'demo';
  spreadsheetId: string | null;
  syncedAt: number;
  title: string;
  locale: string;
  timeZone: string;
  reminders: RemindersHeader | null;
  /** Of the sheet's answer this was parsed from; left out, the next sync parses again. */
  fingerprint?: string;
  ledger: LedgerType;
  problems: ProblemType[];
}

export const ledgerItem: Stored<Envelope | null> = defineCache<Envelope | null>('local:ledger', {
  schema: Envelope.nullable(),
  fallback: null,
});

export interface WriteFigures {
  /** JSON bytes of the ledger and problems. */
  jsonBytes: number;
  /** What the item costs in storage (its JSON, as Chrome counts it against the quota). */
  storedBytes: number;
}

export async function encodeLedger(cache: CachedLedger): Promise<Envelope> {
  const json = JSON.stringify({ ledger: cache.ledger, problems: cache.problems });
  const { ledger: _l, problems: _p, fingerprint = '', ...rest } = cache;
  return {
    version: LEDGER_CACHE_VERSION,
    ...rest,
    fingerprint,
    encoding: 'gzip-base64-json',
    data: await gzipBase64(json),
    jsonBytes: json.length,
  };
}

export async function writeLedgerCache(
  cache: CachedLedger,
  item: Stored<Envelope | null> = ledgerItem,
): Promise<WriteFigures> {
  const envelope = await encodeLedger(cache);
  await item.set(envelope);
  return { jsonBytes: envelope.jsonBytes, storedBytes: item.key.length + JSON.stringify(envelope).length };
}

/** The cached ledger, or null when there is none or it does not pass the schemas. */
export async function readLedgerCache(
  item: Stored<Envelope | null> = ledgerItem,
): Promise<CachedLedger | null> {
  const envelope = await item.get();
  if (!envelope) return null;
  return decodeLedger(envelope);
}

export async function decodeLedger(envelope: Envelope): Promise<CachedLedger | null> {
  let payload: unknown;
  try {
    payload = JSON.parse(await gunzipBase64(envelope.data));
  } catch {
    console.warn('Payladder: the cached ledger does not decompress; it will be read again');
    return null;
  }
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) {
    console.warn('Payladder: the cached ledger does not pass the schema; it will be read again');
    return null;
  }
  const { data: _d, encoding: _e, jsonBytes: _j, version: _v, ...rest } = envelope;
  return { ...rest, ...parsed.data };
}
