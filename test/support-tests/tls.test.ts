import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FAKE_GOOGLE_HOSTS, fakeCertificate } from '../support/tls.ts';

describe('fakeCertificate', () => {
  it('covers every faked Google host, localhost and 127.0.0.1, with the key that goes with it', () => {
    const { cert, key } = fakeCertificate();
    const x509 = new X509Certificate(cert);
    for (const host of [...FAKE_GOOGLE_HOSTS, 'localhost']) expect(x509.checkHost(host)).toBe(host);
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkHost('example.com')).toBeUndefined();
    expect(x509.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(x509.ca).toBe(true);
  });

  it('is made once per process', () => {
    expect(fakeCertificate()).toBe(fakeCertificate());
  });
});
