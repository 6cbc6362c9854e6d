// The signed request a command-line import sends the running server: only the exact body, signed
// with a key from this AUTH_SECRET and made in the last 5 minutes, names tags to invalidate.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_TAGS_PER_REQUEST, revalidationReplayGuard, signRevalidation, verifyRevalidation } from '@/lib/revalidation-request';

const secret = 'a-test-secret-that-is-at-least-32-characters-long';
const now = Date.UTC(2026, 10, 1, 12, 0, 0);
const tags = ['roles', 'role:data-scientist', 'category:data-and-ai'];

describe('revalidation requests', () => {
  test('a request signed with the secret, made just now, names its tags', () => {
    const { body, signature } = signRevalidation({ tags, secret, now });
    assert.deepEqual(verifyRevalidation({ body, signature, secret, now: now + 1000 }), { tags });
  });

  test('a changed body, another secret, or no signature is refused', () => {
    const { body, signature } = signRevalidation({ tags, secret, now });
    const refused = (attempt: { body: string; signature: string | null; secret: string }) => 'refused' in verifyRevalidation({ ...attempt, now });
    assert.ok(refused({ body: body.replace('data-scientist', 'ux-designer'), signature, secret }));
    assert.ok(refused({ body: `${body} `, signature, secret }));
    assert.ok(refused({ body, signature, secret: `${secret}!` }));
    assert.ok(refused({ body, signature: null, secret }));
    assert.ok(refused({ body, signature: signature.slice(0, -1), secret }));
    // The device cookie's key comes from the same secret, but with another label: its MACs sign nothing here.
    assert.ok(refused({ body, signature: Buffer.alloc(32).toString('base64url'), secret }));
  });

  test('a request older than 5 minutes, or from the future, is refused even when signed', () => {
    const { body, signature } = signRevalidation({ tags, secret, now });
    assert.deepEqual(verifyRevalidation({ body, signature, secret, now: now + 5 * 60_000 }), { tags });
    assert.match((verifyRevalidation({ body, signature, secret, now: now + 5 * 60_000 + 1 }) as { refused: string }).refused, /last 5 minutes/);
    assert.ok('refused' in verifyRevalidation({ body, signature, secret, now: now - 2 * 60_000 }));
  });

  test('only cache tags of the site, and not too many, even in a signed body', () => {
    for (const bad of [['role:../../etc'], ['ROLE:x'], ['role:'], ['anything'], Array.from({ length: MAX_TAGS_PER_REQUEST + 1 }, () => 'roles')]) {
      const { body, signature } = signRevalidation({ tags: bad, secret, now });
      assert.ok('refused' in verifyRevalidation({ body, signature, secret, now }), JSON.stringify(bad).slice(0, 40));
    }
  });

  test('two requests for the same tags at the same moment differ: each carries its own nonce', () => {
    const first = signRevalidation({ tags, secret, now });
    const second = signRevalidation({ tags, secret, now });
    assert.notEqual(first.signature, second.signature);
    assert.deepEqual(verifyRevalidation({ ...second, secret, now }), { tags });
  });

  test('a captured request is taken once: replayed, even within its 5 minutes, it is refused', () => {
    const guard = revalidationReplayGuard();
    const { signature } = signRevalidation({ tags, secret, now });
    assert.equal(guard.firstUse(signature, now), true);
    for (let replay = 1; replay <= 50; replay++) assert.equal(guard.firstUse(signature, now + replay * 1000), false);
    assert.equal(guard.firstUse(signRevalidation({ tags, secret, now }).signature, now + 1000), true);
    // Forgotten only once it is too old to be taken anyway (5 minutes, and a minute of clock skew).
    assert.equal(guard.firstUse(signature, now + 6 * 60_000 - 1), false);
    assert.ok('refused' in verifyRevalidation({ ...signRevalidation({ tags, secret, now }), secret, now: now + 6 * 60_000 }));
  });
});
