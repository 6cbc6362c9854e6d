// The page cache's handler without Redis (one process, in memory): a rendered page comes back as
// it was stored (HTML, RSC data, segment data), and an invalidation of any of its tags takes it
// away. With Redis, tests/e2e/stack.spec.ts shows a save on one instance seen by the other.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

delete process.env.REDIS_URL;
delete process.env.PURGE_URLS;
const { default: PageCacheHandler, serializeValue, deserializeValue } = await import('@/lib/server/cache-handler.mjs');

// Loosely typed: Next.js's value kinds are const enums, which these plain objects stand for.
type StoredValue = { html?: string; rscData?: Buffer; segmentData?: Map<string, Buffer> } & Record<string, unknown>;
const handler = new PageCacheHandler() as unknown as {
  get(key: string, context: { softTags?: string[] }): Promise<{ lastModified: number; value: StoredValue; cacheControl?: unknown } | null>;
  set(key: string, value: unknown, context: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
let keys = 0;
const newKey = () => `/page-${(keys += 1)}`;

function page(tags: string[], html = '<h1>Software Developers</h1>') {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from('1:{"rsc":true}'),
    headers: { 'x-next-cache-tags': tags.join(',') },
    postponed: undefined,
    status: 200,
    segmentData: new Map([['/_tree', Buffer.from('tree bytes')]]),
  };
}

describe('the page cache handler, in memory', () => {
  test('a page comes back with its HTML, RSC data and segment data as bytes', async () => {
    const key = newKey();
    await handler.set(key, page(['role:software-developers', '_N_T_/roles/software-developers']), { cacheControl: { revalidate: false } });
    const entry = await handler.get(key, {});
    assert.ok(entry);
    const value = entry.value;
    assert.equal(value.html, '<h1>Software Developers</h1>');
    assert.ok(Buffer.isBuffer(value.rscData));
    assert.equal(value.rscData?.toString(), '1:{"rsc":true}');
    assert.ok(value.segmentData instanceof Map);
    assert.equal(value.segmentData.get('/_tree')?.toString(), 'tree bytes');
    assert.deepEqual(entry.cacheControl, { revalidate: false });
    assert.ok(entry.lastModified <= Date.now());
    assert.equal(await handler.get(newKey(), {}), null);
  });

  test('invalidating any of its tags, our own or Next.js’s path tag, takes a page away; one stored later is served', async () => {
    const byOwnTag = newKey();
    const byPathTag = newKey();
    const other = newKey();
    await handler.set(byOwnTag, page(['role:nurses', '_N_T_/roles/nurses']), {});
    await handler.set(byPathTag, page(['role:dentists', '_N_T_/roles/dentists']), {});
    await handler.set(other, page(['role:actors', '_N_T_/roles/actors']), {});
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.revalidateTag('role:nurses');
    await handler.revalidateTag(['_N_T_/roles/dentists']);
    // A miss in the very millisecond of an invalidation counts as before it (one more render).
    await new Promise((resolve) => setTimeout(resolve, 2));
    assert.equal(await handler.get(byOwnTag, {}), null);
    assert.equal(await handler.get(byPathTag, {}), null);
    assert.ok(await handler.get(other, {}), 'other tags leave it be');

    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.set(byOwnTag, page(['role:nurses'], '<h1>Nurses, edited</h1>'), {});
    assert.equal((await handler.get(byOwnTag, {}))?.value.html, '<h1>Nurses, edited</h1>');
  });

  test('a page whose tag is invalidated while it renders is stale on the next read, and rendered again', async () => {
    const key = newKey();
    // Next.js asks, misses, renders, and stores what it rendered; a save lands in the middle.
    assert.equal(await handler.get(key, {}), null);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.revalidateTag('role:editors-mid-render');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.set(key, page(['role:editors-mid-render'], '<h1>Before the save</h1>'), {});
    assert.equal(await handler.get(key, {}), null, 'rendered from data read before the save: not served');
    // The render after that miss started after the save: kept and served.
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.set(key, page(['role:editors-mid-render'], '<h1>After the save</h1>'), {});
    assert.equal((await handler.get(key, {}))?.value.html, '<h1>After the save</h1>');
  });

  test('a fetch’s tags are the ones given, and its soft tags are checked when read', async () => {
    const key = newKey();
    await handler.set(key, { kind: 'FETCH', data: { headers: {}, body: 'e30=', url: 'https://example.test', status: 200 }, revalidate: 60 }, { tags: ['fetch:a'], fetchCache: true });
    assert.ok(await handler.get(key, { softTags: ['_N_T_/x'] }));
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.revalidateTag('_N_T_/x');
    assert.equal(await handler.get(key, { softTags: ['_N_T_/x'] }), null);
  });

  test('storing nothing removes the entry', async () => {
    const key = newKey();
    await handler.set(key, page(['role:x']), {});
    await handler.set(key, null, {});
    assert.equal(await handler.get(key, {}), null);
  });

  test('the stored form survives JSON: Buffers and Maps anywhere in the value', () => {
    const { postponed: _undefinedIsLeftOut, ...value } = page(['a']);
    const back = deserializeValue(serializeValue(value));
    assert.deepEqual(back, value);
  });
});
