import { describe, expect, it } from 'vitest';
import { createStore } from '../../apps-script/sidebar/app/store.ts';
import { TODAY, recordingCall } from './support.tsx';

describe('createStore', () => {
  it('is loading until the view arrives, then ready, in the view’s language and locale', async () => {
    const recording = recordingCall();
    const store = createStore(recording.call, { language: 'it' });
    expect(store.loadState.value).toBe('loading');
    expect(store.t.value.dashboard).toBe('Riepilogo'); // the browser's language until the view says
    await store.load();
    expect(store.loadState.value).toBe('ready');
    expect(store.view.value?.today).toBe(TODAY);
    expect(store.language.value).toBe('en');
    expect(store.format.value.tag).toBe('en-GB');
  });

  it('shows the error and loads on retry', async () => {
    const recording = recordingCall();
    recording.breakHandler('getSidebarView', 'Exception: Service Spreadsheets timed out');
    const store = createStore(recording.call);
    await store.load();
    expect(store.loadState.value).toBe('error');
    expect(store.loadError.value).toBe('Exception: Service Spreadsheets timed out');
    recording.heal();
    await store.load();
    expect(store.loadState.value).toBe('ready');
    expect(store.loadError.value).toBeNull();
  });

  it('keeps the last view when a refresh fails, and offers to retry', async () => {
    const recording = recordingCall();
    const store = createStore(recording.call);
    await store.load();
    const before = store.view.value;
    recording.breakHandler('getSidebarView', 'offline');
    await store.load();
    expect(store.view.value).toBe(before);
    expect(store.notice.value?.kind).toBe('error');
    recording.heal();
    store.notice.value?.retry?.();
    await vi_waitFor(() => store.notice.value === null && store.refreshing.value === false);
  });

  it('takes the fresh view an action answers with', async () => {
    const recording = recordingCall();
    const store = createStore(recording.call);
    await store.load();
    const outstanding = store.milestoneById.value.get('SB-2')?.outstanding;
    await store.recordPayment({
      milestone: 'SB-2',
      amount: 500,
      date: TODAY,
      method: 'Bank transfer',
      note: '',
    });
    expect(store.milestoneById.value.get('SB-2')?.outstanding).toBe((outstanding ?? 0) - 50_000);
    expect(store.notice.value).toEqual({ kind: 'success', text: 'Payment of €500.00 recorded for SB-2.' });
  });

  it('runs one action at a time', async () => {
    const recording = recordingCall();
    const store = createStore(recording.call);
    await store.load();
    const first = store.jumpToMilestone('SB-2');
    expect(store.busy.value).toBe('jumpToMilestone:SB-2');
    await expect(store.jumpToMilestone('SB-3')).resolves.toBeNull();
    await first;
    expect(recording.calls.filter((c) => c.name === 'jumpToMilestone')).toHaveLength(1);
    expect(store.busy.value).toBeNull();
  });

  it('turns a failed action into a notice whose retry makes the same call', async () => {
    const recording = recordingCall();
    const store = createStore(recording.call);
    await store.load();
    recording.breakHandler('writeOffMilestone', 'Exception: the document is locked');
    await store.writeOff('LD-1');
    expect(store.notice.value?.text).toBe('That did not work: Exception: the document is locked');
    recording.heal();
    store.notice.value?.retry?.();
    await vi_waitFor(() => store.notice.value?.kind === 'success');
    const writeOffs = recording.calls.filter((c) => c.name === 'writeOffMilestone');
    expect(writeOffs.map((c) => c.args[0])).toEqual([
      { milestone: 'LD-1', confirm: true },
      { milestone: 'LD-1', confirm: true },
    ]);
    expect(store.milestoneById.value.get('LD-1')?.stage).toBe('written_off');
  });

  it('leaves the last notice behind when the user opens another section', async () => {
    const store = createStore(recordingCall().call);
    await store.load();
    await store.jumpToMilestone('SB-2');
    await store.writeOff('LD-1');
    expect(store.notice.value?.text).toBe('LD-1 written off.');
    store.go({ name: 'clients' });
    expect(store.notice.value).toBeNull();
  });

  it('gives every store its own state', async () => {
    const a = createStore(recordingCall().call);
    const b = createStore(recordingCall().call);
    await a.load();
    a.go({ name: 'problems' });
    expect(b.view.value).toBeNull();
    expect(b.route.value).toEqual({ name: 'dashboard' });
  });
});

async function vi_waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(done()).toBe(true);
}
