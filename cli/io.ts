/** What the CLI touches of the world: its output, the environment, the clock, the disk (tests fake it). */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** Writes an output file (pack); defaults to node:fs. */
  writeFile?: (path: string, data: string) => Promise<void>;
}
