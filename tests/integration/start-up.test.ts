// `npm start` refuses to run production without a proper AUTH_SECRET, before touching anything.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';

function start(env: Record<string, string | undefined>) {
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start'], { env: childEnv, encoding: 'utf8', timeout: 30_000 });
}

describe('production start-up', () => {
  test('fails with a clear message when AUTH_SECRET is missing', () => {
    const result = start({ AUTH_SECRET: undefined });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /AUTH_SECRET is required in production/);
  });

  test('fails with a clear message when AUTH_SECRET is shorter than 32 characters', () => {
    const result = start({ AUTH_SECRET: 'too-short' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /AUTH_SECRET must be at least 32 characters/);
  });

  test('fails with a clear message when ADMIN_PASSWORD is too weak', () => {
    const result = start({ AUTH_SECRET: 'x'.repeat(40), ADMIN_EMAIL: 'boss@roleboard.test', ADMIN_PASSWORD: 'password' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /ADMIN_PASSWORD|password/i);
  });
});
