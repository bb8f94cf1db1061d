/**
 * The demo ledger as the background reads it: the core's demo (dated from today in the
 * demo's time zone) plus the reminders the user logged from Gmail while trying it, which
 * live in storage because there is no sheet to append them to.
 */
import type { IsoDate, RawLedger } from '../../shared/index.ts';
import { REMINDERS, demoLedger, findTabName, locateColumns } from '../../shared/index.ts';
import type { DemoReminder, QueuedReminder } from './items.ts';
import { asReminder } from './reminder-log.ts';
import type { Stored } from './stored.ts';

/** A demo reminder as the demo's Reminders tab holds it (plain values: no Sheets in between). */
function demoRow(header: readonly unknown[], r: DemoReminder): unknown[] {
  const columns = locateColumns(REMINDERS, header);
  const row: unknown[] = new Array<unknown>(header.length).fill('');
  const values: Record<string, string> = {
    Sent: r.sent,
    Milestone: r.milestones.join(', '),
    Client: r.client,
    Stage: r.stage,
    Template: r.template,
    To: r.to,
    Subject: r.subject,
    Channel: r.channel,
    Link: r.link,
  };
  for (const [name, value] of Object.entries(values)) {
    const i = columns.get(name);
    if (i !== undefined) row[i] = value;
  }
  return row;
}

/** The demo's raw tabs on `today`, with the logged reminders appended to its Reminders tab. */
export async function readDemoLedger(logged: Stored<DemoReminder[]>, today: IsoDate): Promise<RawLedger> {
  const raw = demoLedger(today);
  const reminders = await logged.get();
  const tab = findTabName(REMINDERS, Object.keys(raw));
  const rows = tab === null ? undefined : raw[tab];
  if (rows && rows[0]) for (const r of reminders) rows.push(demoRow(rows[0], r));
  return raw;
}

/** Keeps queued reminders as the demo's own (the demo is local: nothing is sent anywhere). */
export async function recordDemoReminders(
  logged: Stored<DemoReminder[]>,
  queue: readonly QueuedReminder[],
  timeZone: string,
): Promise<void> {
  const before = await logged.get();
  const added: DemoReminder[] = queue.map((q) => {
    const r = asReminder(q, 2, timeZone);
    return { ...r, stage: q.stage, channel: q.channel };
  });
  await logged.set([...before, ...added]);
}
