// The `'use cache'` handler without Redis (one process, in memory): what it keeps, what a tag
// invalidation takes away, and what it never serves. With Redis, tests/e2e/stack.spec.ts shows
// a save on one instance read by the other.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CacheEntry } from '@/lib/framework-contract.mjs';

delete process.env.REDIS_URL;
const { default: handler } = await import('@/lib/server/use-cache-handler.mjs');

let keys = 0;
const newKey = () => `key-${(keys += 1)}`;
const streamOf = (text: string) => new Blob([text]).stream();
const textOf = async (entry: CacheEntry | undefined) => (entry ? new Response(entry.value).text() : undefined);

function entry(fields: Partial<Omit<CacheEntry, 'value'>> & { text?: string } = {}): CacheEntry {
  const { text = 'value', ...rest } = fields;
  return { value: streamOf(text), tags: [], stale: 300, timestamp: Date.now(), expire: 31_536_000, revalidate: 2_592_000, ...rest };
}

describe('the use-cache handler, in memory', () => {
  test('serves what it was given, in a new stream each time', async () => {
    const key = newKey();
    await handler.set(key, Promise.resolve(entry({ text: 'Software Developers', tags: ['role:software-developers'] })));
    const first = await handler.get(key, []);
    assert.equal(await textOf(first), 'Software Developers');
    assert.deepEqual(first?.tags, ['role:software-developers']);
    assert.equal(await textOf(await handler.get(key, [])), 'Software Developers');
    assert.equal(await handler.get(newKey(), []), undefined);
  });

  test('a read of an entry being written waits for it', async () => {
    const key = newKey();
    let finish: (value: CacheEntry) => void = () => {};
    const writing = handler.set(key, new Promise<CacheEntry>((resolve) => (finish = resolve)));
    const reading = handler.get(key, []);
    finish(entry({ text: 'late' }));
    await writing;
    assert.equal(await textOf(await reading), 'late');
  });

  test('an invalidated tag, the entry’s own or a soft one, takes the entry away; one stored later is served', async () => {
    const earlier = Date.now() - 1000;
    const own = newKey();
    const soft = newKey();
    await handler.set(own, Promise.resolve(entry({ tags: ['role:nurses'], timestamp: earlier })));
    await handler.set(soft, Promise.resolve(entry({ timestamp: earlier })));
    await handler.updateTags(['role:nurses', '_N_T_/roles/nurses']);
    assert.equal(await handler.get(own, []), undefined);
    assert.equal(await handler.get(soft, ['_N_T_/roles/nurses']), undefined);
    assert.ok(await handler.get(soft, ['_N_T_/other']), 'other soft tags leave it be');

    const later = newKey();
    await handler.set(later, Promise.resolve(entry({ tags: ['role:nurses'] })));
    assert.equal(await textOf(await handler.get(later, [])), 'value');
  });

  test('invalidated with a grace period, an entry is served once more, marked for a refresh', async () => {
    const key = newKey();
    await handler.set(key, Promise.resolve(entry({ tags: ['category:healthcare'], timestamp: Date.now() - 1000 })));
    await handler.updateTags(['category:healthcare'], { expire: 60 });
    const stale = await handler.get(key, []);
    assert.equal(await textOf(stale), 'value');
    assert.equal(stale?.revalidate, -1);
  });

  test('never serves an entry past its revalidate time, nor one meant for a single request', async () => {
    const old = newKey();
    await handler.set(old, Promise.resolve(entry({ timestamp: Date.now() - 61_000, revalidate: 60 })));
    assert.equal(await handler.get(old, []), undefined);
    const dynamic = newKey();
    await handler.set(dynamic, Promise.resolve(entry({ expire: 0 })));
    assert.equal(await handler.get(dynamic, []), undefined);
  });

  test('a value that fails while it is produced is not kept', async () => {
    const key = newKey();
    const failing = new ReadableStream({ start: (controller) => controller.error(new Error('the database went away')) });
    await handler.set(key, Promise.resolve({ ...entry(), value: failing }));
    assert.equal(await handler.get(key, []), undefined);
  });

  test('keeps at most 64 MB, forgetting the least recently read first', async () => {
    const megabyte = 'x'.repeat(1024 * 1024);
    const kept = newKey();
    const first = newKey();
    await handler.set(kept, Promise.resolve(entry({ text: megabyte })));
    await handler.set(first, Promise.resolve(entry({ text: megabyte })));
    for (let index = 0; index < 70; index += 1) {
      await handler.set(newKey(), Promise.resolve(entry({ text: megabyte })));
      // Read all along, `kept` stays the most recent.
      assert.ok(await handler.get(kept, []));
    }
    assert.equal(await handler.get(first, []), undefined);
  });
});
