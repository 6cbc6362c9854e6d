// `npm start` runs an instance exactly as scripts/instance-command.ts says, which the stack, the
// bench and the end-to-end tests use: package.json cannot import it, so this holds the two together.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { INSTANCE_ENVIRONMENT, INSTANCE_NODE_FLAGS } from '@/scripts/instance-command';

test("package.json's start script has the instance's environment and Node.js flags", () => {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const environment = Object.entries(INSTANCE_ENVIRONMENT).map(([name, value]) => `${name}=${value}`);
  assert.equal(scripts.start, [...environment, 'exec node', ...INSTANCE_NODE_FLAGS, '--import tsx scripts/serve.ts start'].join(' '));
});
