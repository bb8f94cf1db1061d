import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Google hosts the fakes answer for; every one is in the certificate's SANs. */
export const FAKE_GOOGLE_HOSTS = [
  'sheets.googleapis.com',
  'oauth2.googleapis.com',
  'accounts.google.com',
  'mail.google.com',
  'www.googleapis.com',
] as const;

export interface FakeCertificate {
  /** PEM private key (EC P-256). */
  readonly key: string;
  /** PEM self-signed certificate; it is its own CA, so it can be trusted directly. */
  readonly cert: string;
  /** base64 SHA-256 of the SubjectPublicKeyInfo, the form `--ignore-certificate-errors-spki-list` takes. */
  readonly spkiSha256: string;
}

const OPENSSL = '/usr/bin/openssl';

let cached: FakeCertificate | undefined;

/**
 * A throwaway self-signed certificate for the fake Google servers, generated
 * once per process. Generated at run time (never committed) so no key ever
 * lands in the repo and no expiry date ever breaks CI. openssl works in a temp
 * dir that is removed at once: vitest ends its workers without an `exit`
 * event, so cleanup at exit would leave a dir behind per worker. Child
 * processes get the PEM itself (see node-google-hosts-env.ts), not a path.
 */
export function fakeCertificate(): FakeCertificate {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'payladder-tls-'));
  try {
    cached = generate(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return cached;
}

function generate(dir: string): FakeCertificate {
  const keyPath = join(dir, 'fake-google.key');
  const certPath = join(dir, 'fake-google.crt');
  const configPath = join(dir, 'openssl.cnf');
  const sans = [...FAKE_GOOGLE_HOSTS.map((host) => `DNS:${host}`), 'DNS:localhost', 'IP:127.0.0.1'];
  // A config file instead of -addext: it keeps the extensions explicit and does
  // not depend on the distribution's default openssl.cnf (which adds its own).
  writeFileSync(
    configPath,
    [
      '[req]',
      'distinguished_name = dn',
      'x509_extensions = ext',
      'prompt = no',
      '[dn]',
      'CN = Payladder test fake Google',
      '[ext]',
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, digitalSignature, keyCertSign',
      'extendedKeyUsage = serverAuth',
      `subjectAltName = ${sans.join(', ')}`,
      '',
    ].join('\n'),
  );
  // EC keys generate in milliseconds; RSA-2048 can take a second on a busy CI box.
  execFileSync(
    OPENSSL,
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '7',
      '-config',
      configPath,
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const cert = readFileSync(certPath, 'utf8');
  const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return {
    key: readFileSync(keyPath, 'utf8'),
    cert,
    spkiSha256: createHash('sha256').update(spki).digest('base64'),
  };
}
