/**
 * A fake `google.script.run` over any ServerApi, behaving as Apps Script's does where the
 * sidebar can tell: asynchronous, one fresh runner per chain, arguments and results that
 * must be plain JSON (Apps Script refuses Dates, Maps and functions), a thrown error
 * arriving at the failure handler as an Error. Every call is logged for the e2e tests.
 */
import type { ServerApi } from '../../src/api.ts';
import type { ScriptRunner } from '../client.ts';

export interface HarnessCall {
  name: string;
  args: unknown[];
  ok: boolean;
  error?: string;
}

export interface FakeRunOptions {
  /** Milliseconds each call takes, so loading states show. */
  latencyMs?: number;
}

export interface FakeRun {
  run: ScriptRunner;
  calls: HarnessCall[];
  /** Makes the next call of `name` fail with `message` (error and retry states). */
  failNext(name: keyof ServerApi, message?: string): void;
}

type Handlers = { success?: (value: unknown) => void; failure?: (error: Error) => void };

export function createFakeRun(api: ServerApi, options: FakeRunOptions = {}): FakeRun {
  const calls: HarnessCall[] = [];
  const failures = new Map<string, string[]>();
  const latency = options.latencyMs ?? 0;
  const names = Object.keys(api).filter(
    (k) => typeof (api as unknown as Record<string, unknown>)[k] === 'function',
  );

  const runner = (handlers: Handlers): ScriptRunner => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (fn: (value: unknown) => void) => runner({ ...handlers, success: fn }),
      withFailureHandler: (fn: (error: Error) => void) => runner({ ...handlers, failure: fn }),
      withUserObject: () => runner(handlers),
    };
    for (const name of names) {
      r[name] = (...args: unknown[]) => {
        const call: HarnessCall = { name, args: structuredClone(args), ok: false };
        calls.push(call);
        setTimeout(() => {
          try {
            const queued = failures.get(name);
            const injected = queued?.shift();
            if (injected !== undefined) throw new Error(injected);
            args.forEach((arg, i) => assertPlainJson(arg, `${name} argument ${i + 1}`));
            const fn = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[name] as (
              ...a: unknown[]
            ) => unknown;
            const result = fn.apply(api, JSON.parse(JSON.stringify(args)) as unknown[]);
            assertPlainJson(result, `${name} result`);
            call.ok = true;
            handlers.success?.(result === undefined ? null : JSON.parse(JSON.stringify(result)));
          } catch (error) {
            const e = error instanceof Error ? error : new Error(String(error));
            call.error = e.message;
            handlers.failure?.(e);
          }
        }, latency);
      };
    }
    return r as unknown as ScriptRunner;
  };

  return {
    run: runner({}),
    calls,
    failNext(name, message = 'Exception: Service Spreadsheets timed out (simulated by the dev harness).') {
      failures.set(name, [...(failures.get(name) ?? []), message]);
    },
  };
}

/** Throws unless `value` is what google.script.run can carry unchanged. */
export function assertPlainJson(value: unknown, where: string): void {
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`${where}: ${path} is ${v}, not JSON`);
      return;
    }
    if (v === undefined) return; // dropped, as Apps Script does with missing properties
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (x === undefined) throw new Error(`${where}: ${path}[${i}] is undefined`);
        walk(x, `${path}[${i}]`);
      });
      return;
    }
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      return;
    }
    throw new Error(`${where}: ${path} is a ${Object.prototype.toString.call(v)}, not plain JSON`);
  };
  walk(value, '$');
}
