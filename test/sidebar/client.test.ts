import { describe, expect, it } from 'vitest';
import type { ScriptRunner } from '../../apps-script/sidebar/client.ts';
import { NO_RUNNER, createServerCall, pageRunner, toWire } from '../../apps-script/sidebar/client.ts';

interface Sent {
  name: string;
  args: unknown[];
}

/** A google.script.run double: answers each call with `answer(name, args)`, or fails when it throws. */
function fakeRunner(answer: (name: string, args: unknown[]) => unknown) {
  const sent: Sent[] = [];
  let chains = 0;
  const make = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): ScriptRunner =>
    new Proxy({} as ScriptRunner, {
      get(_target, prop: string) {
        if (prop === 'withSuccessHandler') return (fn: (v: unknown) => void) => make(fn, fail);
        if (prop === 'withFailureHandler') return (fn: (e: unknown) => void) => make(ok, fn);
        if (prop === 'withUserObject') return () => make(ok, fail);
        if (prop === 'noSuchHandler') return undefined;
        return (...args: unknown[]) => {
          sent.push({ name: prop, args });
          queueMicrotask(() => {
            try {
              ok?.(answer(prop, args));
            } catch (error) {
              fail?.(error);
            }
          });
        };
      },
    });
  return {
    sent,
    chains: () => chains,
    runner: () => {
      chains++;
      return make();
    },
  };
}

describe('createServerCall', () => {
  it('resolves with what the server handler returns', async () => {
    const fake = fakeRunner((name) => ({ echoed: name }));
    const call = createServerCall(fake.runner);
    await expect(call('selectCell', { tab: 'Milestones', row: 5, column: 'Amount' })).resolves.toEqual({
      echoed: 'selectCell',
    });
    expect(fake.sent).toEqual([
      { name: 'selectCell', args: [{ tab: 'Milestones', row: 5, column: 'Amount' }] },
    ]);
  });

  it('rejects with an Error carrying the server message, whatever the server threw', async () => {
    const thrown = [
      new Error('Exception: No milestone "X-1".'),
      'plain string',
      { message: 'object with message' },
    ];
    for (const failure of thrown) {
      const call = createServerCall(
        fakeRunner(() => {
          throw failure;
        }).runner,
      );
      const error = await call('jumpToMilestone', { milestone: 'X-1' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/No milestone|plain string|object with message/);
    }
  });

  it('starts a fresh runner for every call, so overlapping calls keep their own handlers', async () => {
    const fake = fakeRunner((_name, args) => args[0]);
    const call = createServerCall(fake.runner);
    const [a, b] = await Promise.all([
      call('jumpToMilestone', { milestone: 'A' }),
      call('jumpToMilestone', { milestone: 'B' }),
    ]);
    expect([a, b]).toEqual([{ milestone: 'A' }, { milestone: 'B' }]);
    expect(fake.chains()).toBe(2);
  });

  it('sends plain JSON: Dates become strings and undefined properties disappear', () => {
    const wire = toWire({ at: new Date(Date.UTC(2026, 10, 30)), template: undefined, ids: ['A'] });
    expect(wire).toEqual({ at: '2026-11-30T00:00:00.000Z', ids: ['A'] });
    expect(Object.keys(wire as object)).not.toContain('template');
  });

  it('rejects (does not throw) when the page has no google.script.run', async () => {
    expect(() => pageRunner()).toThrow(NO_RUNNER);
    await expect(createServerCall()('getSidebarView')).rejects.toThrow('google.script.run is not available');
  });

  it('rejects when the server has no such function', async () => {
    const call = createServerCall(fakeRunner(() => null).runner);
    const misnamed = call as unknown as (name: string) => Promise<unknown>;
    await expect(misnamed('noSuchHandler')).rejects.toThrow('The server has no function "noSuchHandler".');
  });
});
