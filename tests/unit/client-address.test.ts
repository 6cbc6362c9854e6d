import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLIENT_ADDRESS_HEADER, clientAddressFrom } from '@/lib/client-address';

const from = (headers: Record<string, string>) => clientAddressFrom(new Headers(headers));

describe('the client address sign-in throttling counts by', () => {
  test("is the HTTP front's header when it holds an IPv4 address", () => {
    assert.equal(from({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7' }), '203.0.113.7');
    assert.equal(from({ [CLIENT_ADDRESS_HEADER]: ' 203.0.113.7 ' }), '203.0.113.7');
  });

  test('is the /64 network of an IPv6 address, written one way however it was written', () => {
    assert.equal(from({ [CLIENT_ADDRESS_HEADER]: '2001:db8:1:2:3:4:5:6' }), '2001:db8:1:2::/64');
    assert.equal(from({ [CLIENT_ADDRESS_HEADER]: '2001:0DB8:0001:0002:ffff::1' }), '2001:db8:1:2::/64');
    assert.equal(from({ [CLIENT_ADDRESS_HEADER]: '2001:db8::1' }), '2001:db8:0:0::/64');
    assert.equal(from({ [CLIENT_ADDRESS_HEADER]: '::1' }), '0:0:0:0::/64');
  });

  test('counts an IPv4-mapped IPv6 address as the IPv4 address', () => {
    assert.equal(from({ [CLIENT_ADDRESS_HEADER]: '::ffff:203.0.113.7' }), '203.0.113.7');
    assert.equal(from({ [CLIENT_ADDRESS_HEADER]: '::ffff:cb00:7107' }), '203.0.113.7');
  });

  test('ignores X-Forwarded-For and X-Real-IP, which any client can write', () => {
    assert.equal(from({ 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8' }), 'unknown');
    assert.equal(from({ 'x-forwarded-for': '203.0.113.7', [CLIENT_ADDRESS_HEADER]: '198.51.100.1' }), '198.51.100.1');
  });

  test('is "unknown" for a missing or malformed header, so garbage is never stored', () => {
    for (const value of ['', 'evil', '203.0.113.7, 198.51.100.1', '300.1.1.1', '203.0.113.7:443', '[::1]', 'fe80::1%eth0', 'x'.repeat(5000)]) {
      assert.equal(from({ [CLIENT_ADDRESS_HEADER]: value }), 'unknown', value);
    }
    assert.equal(from({}), 'unknown');
  });
});
