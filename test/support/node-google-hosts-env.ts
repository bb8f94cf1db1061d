import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fakeCertificate } from './tls.ts';

/** Absolute path of the preload, for `--import`. */
export const NODE_GOOGLE_HOSTS_PRELOAD = fileURLToPath(new URL('./node-google-hosts.ts', import.meta.url));

/** Node flags that load TypeScript (tsx) and then the preload; put them before the script. */
export const NODE_GOOGLE_HOSTS_FLAGS: readonly string[] = [
  '--import',
  'tsx',
  '--import',
  NODE_GOOGLE_HOSTS_PRELOAD,
];

/**
 * The environment the preload reads: the fake's port and certificate, and
 * METADATA_SERVER_DETECTION=none so google-auth-library never probes for a
 * GCE metadata server. NODE_EXTRA_CA_CERTS is not needed: the preload trusts
 * the certificate on the connections it reroutes, and only there.
 */
export function nodeGoogleHostsEnv(port: number): Record<string, string> {
  return {
    PAYLADDER_FAKE_GOOGLE_PORT: String(port),
    // The PEM itself (a few hundred bytes for an EC certificate): no file to clean up.
    PAYLADDER_FAKE_GOOGLE_CA: fakeCertificate().cert,
    METADATA_SERVER_DETECTION: 'none',
  };
}

export interface NodeRunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface NodeRunOptions {
  /** Fake Google server port. */
  readonly port: number;
  /** Script and its arguments, e.g. `['cli/main.ts', '--sheet', ID, '--json']`. */
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Added to the parent's environment (minus anything Google-credential-like, see below). */
  readonly env?: Readonly<Record<string, string>>;
  /** Killed after this many ms (default 60 s), so a hung request cannot hang the suite. */
  readonly timeoutMs?: number;
}

/**
 * Runs `node --import tsx --import node-google-hosts.ts ...args` against the
 * fakes and collects its output. Inherited Google credential variables are
 * dropped so a developer's own ADC never leaks into a test.
 */
export function runNodeWithFakeGoogle(options: NodeRunOptions): Promise<NodeRunResult> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(GOOGLE_|GCLOUD_|CLOUDSDK_|GCE_)/.test(entry[0]),
    ),
  );
  const child = spawn(process.execPath, [...NODE_GOOGLE_HOSTS_FLAGS, ...options.args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...inherited, ...nodeGoogleHostsEnv(options.port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 60_000);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}
