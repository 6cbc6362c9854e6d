import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeCallbackPath } from '@/lib/safe-redirect';

describe('where signing in may send you', () => {
  test('paths on this site are kept, with their query and fragment', () => {
    assert.equal(safeCallbackPath('/admin?x=1#y'), '/admin?x=1#y');
    assert.equal(safeCallbackPath('/admin/roles/backend-software-engineer'), '/admin/roles/backend-software-engineer');
    assert.equal(safeCallbackPath('/admin/../admin/audit'), '/admin/audit', 'dot segments are resolved');
  });

  test('paths that become protocol-relative once normalised go to the fallback', () => {
    for (const value of ['/..//evil.example/x', '/.//x', '/a/..//x', '/./..//x', '//evil.example', '///evil.example']) {
      assert.equal(safeCallbackPath(value), '/admin', value);
    }
  });

  test('backslashes, which browsers read as slashes, are refused', () => {
    for (const value of ['/\\evil', '\\/evil', '/\\/evil.example', '\\\\evil.example', '/admin\\..\\..\\evil']) {
      assert.equal(safeCallbackPath(value), '/admin', value);
    }
  });

  test('encoded slashes stay a path on this site', () => {
    assert.equal(safeCallbackPath('%2F%2Fevil'), '/admin', 'not a path at all');
    assert.equal(safeCallbackPath('/%2F%2Fevil'), '/%2F%2Fevil');
    assert.equal(safeCallbackPath('/%2F..%2F%2Fx'), '/%2F..%2F%2Fx');
  });

  test('other origins, other schemes and scheme-relative tricks go to the fallback', () => {
    for (const value of [
      'https:evil',
      'http:evil',
      'https://evil.example',
      'https://evil.example/admin',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'evil.example',
      '',
    ]) {
      assert.equal(safeCallbackPath(value), '/admin', value);
    }
  });

  test('control characters, over-long values and non-strings go to the fallback', () => {
    for (const value of ['/\t/evil.example', '/\n/evil.example', '/admin\u0000', '/admin\u007f', `/${'a'.repeat(5000)}`, undefined, null, 42, ['/admin']]) {
      assert.equal(safeCallbackPath(value), '/admin', JSON.stringify(value));
    }
  });

  test('with our origin, absolute URLs at that origin are paths; any other origin is not', () => {
    const origin = 'https://roleboard.example';
    assert.equal(safeCallbackPath('https://roleboard.example/admin?x=1', { origin }), '/admin?x=1');
    assert.equal(safeCallbackPath('https://roleboard.example', { origin }), '/');
    assert.equal(safeCallbackPath('/login?signedOut=1', { origin }), '/login?signedOut=1');
    for (const value of [
      'https://roleboard.example.evil.example/',
      'https://roleboard.example@evil.example/',
      'http://roleboard.example/admin',
      'https://roleboard.example/..//evil.example',
      'https:evil',
    ]) {
      assert.equal(safeCallbackPath(value, { origin }), '/admin', value);
    }
  });

  test('the fallback can be chosen', () => {
    assert.equal(safeCallbackPath('//evil.example', { fallback: '/' }), '/');
  });
});
