import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEVICE_COOKIE_NAME, issueDeviceCookie, verifiedDeviceId } from '@/lib/device-cookie';

const secret = 'a test secret that is at least thirty-two characters long';
const email = 'Owner@Roleboard.test';

describe('device cookies', () => {
  test('are long-lived, httpOnly, SameSite=Lax and Secure only on https', () => {
    const cookie = issueDeviceCookie({ email, secret, secure: true });
    assert.equal(cookie.name, DEVICE_COOKIE_NAME);
    assert.deepEqual(cookie.options, { httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 365 * 24 * 60 * 60 });
    assert.equal(issueDeviceCookie({ email, secret, secure: false }).options.secure, false);
  });

  test('verify for the email they were issued for, in any case, and name a new device each time', () => {
    const first = issueDeviceCookie({ email, secret, secure: false }).value;
    const second = issueDeviceCookie({ email, secret, secure: false }).value;
    const firstId = verifiedDeviceId({ cookie: first, email, secret });
    assert.ok(firstId && first.startsWith(`${firstId}.`));
    assert.equal(verifiedDeviceId({ cookie: first, email: ' owner@roleboard.TEST ', secret }), firstId);
    assert.notEqual(verifiedDeviceId({ cookie: second, email, secret }), firstId);
  });

  test('give nothing for another email, another secret, or any change to the cookie', () => {
    const cookie = issueDeviceCookie({ email, secret, secure: false }).value;
    assert.equal(verifiedDeviceId({ cookie, email: 'someone.else@roleboard.test', secret }), null);
    assert.equal(verifiedDeviceId({ cookie, email, secret: `${secret}!` }), null);
    const [deviceId, signature] = cookie.split('.') as [string, string];
    const flip = (text: string) => `${text.slice(0, -2)}${text.at(-2) === 'A' ? 'B' : 'A'}${text.at(-1)}`;
    for (const tampered of [
      `${flip(deviceId)}.${signature}`,
      `${deviceId}.${flip(signature)}`,
      `${deviceId}.${signature}x`,
      `${deviceId}.`,
      deviceId,
      `${deviceId}.${signature}.${signature}`,
      '',
      undefined,
    ]) {
      assert.equal(verifiedDeviceId({ cookie: tampered, email, secret }), null, String(tampered));
    }
  });

  test("a cookie for one account gives no exemption on another, even with that account's device id", () => {
    const other = issueDeviceCookie({ email: 'other@roleboard.test', secret, secure: false }).value;
    const [otherId] = other.split('.') as [string];
    const mine = issueDeviceCookie({ email, secret, secure: false }).value;
    const [, mySignature] = mine.split('.') as [string, string];
    assert.equal(verifiedDeviceId({ cookie: other, email, secret }), null);
    assert.equal(verifiedDeviceId({ cookie: `${otherId}.${mySignature}`, email, secret }), null);
  });
});
