/**
 * The sidebar's one way to reach the server: a promise over `google.script.run`, typed
 * against `ServerApi`, so a renamed handler or a changed input is a type error here and
 * not a silent failure in the sheet. Only types come from api.ts: the server parses every
 * input with zod, and zod stays out of the sidebar bundle.
 */
import type { ServerApi } from '../src/api.ts';

/** Calls the server handler `name` with its typed arguments; resolves with its typed result. */
export type ServerCall = <K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
) => Promise<ReturnType<ServerApi[K]>>;

export type ScriptRunner = typeof google.script.run;

export const NO_RUNNER =
  'google.script.run is not available: open the sidebar from the Payladder menu in Google Sheets, or run `npm run dev:sidebar`.';

/**
 * `google.script.run` as the page has it: Apps Script's iframe defines it, the dev harness
 * installs a fake of it. Read at call time, so a harness installed after this module loads
 * still counts.
 */
export function pageRunner(): ScriptRunner {
  const run = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google?.script?.run;
  if (!run) throw new Error(NO_RUNNER);
  return run;
}

/**
 * Makes the typed call. Each call chains its own handlers onto a fresh runner, because a
 * runner keeps the handlers it was given and calls may overlap.
 */
export function createServerCall(runner: () => ScriptRunner = pageRunner): ServerCall {
  return <K extends keyof ServerApi>(name: K, ...args: Parameters<ServerApi[K]>) =>
    new Promise<ReturnType<ServerApi[K]>>((resolve, reject) => {
      try {
        const endpoint = runner()
          .withSuccessHandler((value: unknown) => resolve(value as ReturnType<ServerApi[K]>))
          .withFailureHandler((error: unknown) => reject(asError(error)))[name];
        if (typeof endpoint !== 'function') throw new Error(`The server has no function "${name}".`);
        endpoint(...args.map(toWire));
      } catch (error) {
        reject(asError(error));
      }
    });
}

/**
 * Plain JSON only: google.script.run refuses Date values and drops functions, so every
 * argument goes through JSON (which also drops `undefined` properties the server's
 * schemas treat as absent).
 */
export function toWire(value: unknown): google.script.Parameter {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as google.script.Parameter;
}

/** Apps Script hands the failure handler an Error, but a thrown string arrives as a string. */
export function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return new Error(String((error as { message: unknown }).message));
  }
  return new Error(String(error));
}
