/** The Reminders tab (optional): what was sent (or drafted) to whom, for which milestones. */
import { keyOf } from '../cells.ts';
import type { Channel, Milestone, Reminder, Stage } from '../model.ts';
import { STAGES } from '../stages.ts';
import type { ClientIndex } from './clients.ts';
import { namedClient } from './clients.ts';
import type { MilestoneIndex } from './milestones.ts';
import { milestoneRefs, positionOf } from './milestones.ts';
import type { TabReader } from './reader.ts';
import { parseChannel, parseStage } from './values.ts';

/** `positions` gets the positions in `milestones` of each row's milestones, row by row. */
export function parseReminders(
  tab: TabReader,
  clients: ClientIndex,
  milestones: MilestoneIndex,
  positions: number[][] = [],
): Reminder[] {
  const reminders: Reminder[] = [];
  if (!tab.check(false)) return reminders;
  tab.forEachRow((r) => {
    const sent = r.date('Sent', true);
    const ms = milestoneRefs(milestones, r);
    let stage: Stage | null = null;
    if (r.has('Stage')) {
      stage = parseStage(r.text('Stage'));
      if (!stage) r.fail('unknown_stage', 'Stage', { value: r.text('Stage'), allowed: STAGES.join(', ') });
    }
    let channel: Channel | null = null;
    if (r.has('Channel')) {
      const k = keyOf(r.text('Channel'));
      channel = parseChannel(k);
      if (channel === null) r.fail('unknown_channel', 'Channel', { value: r.text('Channel') });
    }
    if (r.failed || !sent || ms.length === 0 || ms.some((m) => m === null)) return;
    positions.push(ms.map((m) => positionOf(milestones, m as Milestone)));
    reminders.push({
      row: r.row,
      sent,
      milestones: ms.map((m) => (m as Milestone).id),
      client: namedClient(clients, r, ms[0]?.client ?? ''),
      stage,
      template: r.text('Template'),
      to: r.text('To'),
      subject: r.text('Subject'),
      channel,
      link: r.text('Link'),
    });
  });
  return reminders;
}
