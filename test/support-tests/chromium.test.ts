// The pure parts of the Chromium launcher; launching itself is proven in chromium.e2e.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, hostResolverRules, unpackedExtensionId } from '../support/chromium.ts';

describe('hostResolverRules', () => {
  it('maps each host with its port, then blackholes every other name except loopback', () => {
    expect(hostResolverRules({ 'mail.google.com': 4431, 'sheets.googleapis.com': 4432 })).toBe(
      'MAP mail.google.com 127.0.0.1:4431, MAP sheets.googleapis.com 127.0.0.1:4432, ' +
        'MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    );
  });

  it('comes with the certificate switch the service worker needs', () => {
    expect(chromiumArgs({})).toContain('--ignore-certificate-errors');
  });
});

describe('unpackedExtensionId', () => {
  it('derives the id from the manifest key when there is one, else from the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'payladder-id-'));
    try {
      // Only the shape and the dependence on `key` here; chromium.e2e.ts checks both rules against Chromium.
      writeFileSync(
        join(dir, 'manifest.json'),
        JSON.stringify({ key: Buffer.from('payladder').toString('base64') }),
      );
      const id = unpackedExtensionId(dir);
      expect(id).toMatch(/^[a-p]{32}$/);
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({}));
      expect(unpackedExtensionId(dir)).not.toBe(id);
      expect(unpackedExtensionId(dir)).toMatch(/^[a-p]{32}$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
