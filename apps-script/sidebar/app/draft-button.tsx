import { ActionButton } from './action-button.tsx';
import { useStore } from './context.ts';

/**
 * Drafts the client's reminder in Gmail now. The server picks the recommended message and
 * logs the draft in Reminders; with no `milestones` it takes those whose action is due.
 */
export function DraftButton({ client, milestones }: { client: string; milestones?: string[] }) {
  const store = useStore();
  return (
    <ActionButton
      busyKey={`draftReminder:${client}`}
      variant="primary"
      onClick={() => void store.draftReminder(milestones ? { client, milestones } : { client })}
    >
      {store.t.value.draftReminder}
    </ActionButton>
  );
}
