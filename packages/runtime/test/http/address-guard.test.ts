import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { refusedBecause } from '../../src/http/address-guard.ts';
import { parseHttpAllowlist } from '../../src/http/http-allowlist.ts';
import { signatureHeader } from '../../src/http/http-signature.ts';
import { createSecretCipher, parseSecretsKey } from '../../src/secrets/secret-cipher.ts';
import { loadEnv } from '../../src/config/env.ts';
import { verifySignature } from './local-http-server.ts';

describe('the address guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.20.30.40', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fc00::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    // IPv6 forms that reach an IPv4 address: what they reach decides.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(refusedBecause(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', '100.128.0.1'])(
    'lets the public address %s through',
    (address) => expect(refusedBecause(address)).toBeNull(),
  );

  it('refuses what is not an address at all', () => {
    expect(refusedBecause('localhost')).toBe('not an IP address');
  });
});

describe('CASEWORK_HTTP_ALLOW', () => {
  const allow = (text: string) => {
    const parsed = parseHttpAllowlist(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.allowlist;
  };

  it('allows addresses, ranges and names, each on any port or on its own', () => {
    const list = allow(' 127.0.0.1 , localhost:8080, 10.0.0.0/8:443, [::1]:9000, [fd00::/8]');
    expect(list.size).toBe(5);
    expect(list.allows({ host: '127.0.0.1', address: '127.0.0.1', port: 1 })).toBe(true);
    expect(list.allows({ host: 'LocalHost', address: '::1', port: 8080 })).toBe(true);
    expect(list.allows({ host: 'localhost', address: '::1', port: 8081 })).toBe(false);
    expect(list.allows({ host: 'internal', address: '10.9.8.7', port: 443 })).toBe(true);
    expect(list.allows({ host: 'internal', address: '10.9.8.7', port: 80 })).toBe(false);
    expect(list.allows({ host: '::1', address: '::1', port: 9000 })).toBe(true);
    expect(list.allows({ host: '::1', address: '::1', port: 9001 })).toBe(false);
    expect(list.allows({ host: 'x', address: 'fd00::5', port: 1 })).toBe(true);
    expect(list.allows({ host: '192.168.0.1', address: '192.168.0.1', port: 80 })).toBe(false);
  });

  it('is empty by default, and a bad entry is a configuration error naming it', () => {
    expect(parseHttpAllowlist('').ok).toBe(true);
    for (const bad of ['10.0.0.0/33', 'host:port', 'under_score.example', '1.2.3.4:99999', '[::1']) {
      const parsed = parseHttpAllowlist(bad);
      expect(parsed.ok, bad).toBe(false);
    }
    const base = { MONGODB_URI: 'mongodb://localhost/' };
    expect(() => loadEnv({ ...base, CASEWORK_HTTP_ALLOW: '10.0.0.0/99' })).toThrow(
      /CASEWORK_HTTP_ALLOW: "10.0.0.0\/99" is not a CIDR range/,
    );
  });
});

describe('the signature header', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.body")>, as Persona signs webhooks', () => {
    const header = signatureHeader('s3cret', '{"a":1}', 1_765_000_000.9);
    const expected = createHmac('sha256', 's3cret').update('1765000000.{"a":1}').digest('hex');
    expect(header).toBe(`t=1765000000,v1=${expected}`);
  });

  it('is what a receiver verifies, and fails for another body or secret', () => {
    const now = Date.now() / 1000;
    const header = signatureHeader('s3cret', 'body', now);
    expect(verifySignature(header, 's3cret', 'body')).toBe(true);
    expect(verifySignature(header, 's3cret', 'body!')).toBe(false);
    expect(verifySignature(header, 'other', 'body')).toBe(false);
  });
});

describe('secret encryption', () => {
  const key = parseSecretsKey('ab'.repeat(32));
  if (!key) throw new Error('a hex key must parse');

  it('takes 32 bytes as hex or base64, nothing else', () => {
    expect(parseSecretsKey(Buffer.alloc(32, 7).toString('base64'))?.length).toBe(32);
    expect(parseSecretsKey(Buffer.alloc(32, 7).toString('base64url'))?.length).toBe(32);
    expect(parseSecretsKey('ab'.repeat(31))).toBeNull();
    expect(parseSecretsKey('password')).toBeNull();
    expect(() => loadEnv({ MONGODB_URI: 'mongodb://localhost/', CASEWORK_SECRETS_KEY: 'short' })).toThrow(
      /CASEWORK_SECRETS_KEY: must be 32 bytes/,
    );
  });

  it('opens what it sealed, under the same name only, and names a value sealed under another key', () => {
    const cipher = createSecretCipher(key);
    const sealed = cipher.seal('hook', 'value');
    expect(sealed.ciphertext).not.toContain('value');
    expect(cipher.seal('hook', 'value').iv).not.toBe(sealed.iv);
    expect(cipher.open('hook', sealed)).toBe('value');
    expect(() => cipher.open('other', sealed)).toThrow('does not decrypt');
    const tampered = { ...sealed, ciphertext: Buffer.from('xxxxx').toString('base64') };
    expect(() => cipher.open('hook', tampered)).toThrow('does not decrypt');
    const otherKey = createSecretCipher(Buffer.alloc(32, 1));
    expect(() => otherKey.open('hook', sealed)).toThrow('encrypted with another CASEWORK_SECRETS_KEY');
  });
});
