// The CSV exports are built once per version and kept gzipped (lib/api/built-exports.ts): however
// many ask at once, one build; the same version again, no build; a new version, one new build.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import { acceptsGzip, exportBody, getBuiltExport } from '@/lib/api/built-exports';

/** A build that counts how often it runs and yields `lines` a little at a time. */
function countedBuild(lines: string[]) {
  const counter = { runs: 0 };
  const build = async function* () {
    counter.runs++;
    for (const line of lines) {
      await new Promise((resolve) => setImmediate(resolve));
      yield line;
    }
  };
  return { build, counter };
}

describe('built exports', () => {
  test('concurrent requests for one version share one build; the same version is not built again', async () => {
    const { build, counter } = countedBuild(['slug,title\n', 'nurses,Nurses\n', 'actors,Actors\n']);
    const built = await Promise.all(Array.from({ length: 8 }, () => getBuiltExport('test:one', '"v1"', build)));
    assert.equal(counter.runs, 1);
    assert.ok(built.every((entry) => entry === built[0]));
    assert.equal(zlib.gunzipSync(built[0]!.gzipped).toString('utf8'), 'slug,title\nnurses,Nurses\nactors,Actors\n');
    assert.equal(built[0]!.bytes, Buffer.byteLength('slug,title\nnurses,Nurses\nactors,Actors\n'));
    await getBuiltExport('test:one', '"v1"', build);
    assert.equal(counter.runs, 1);
  });

  test('a new version is built once, and replaces the old', async () => {
    const first = countedBuild(['a\n']);
    const second = countedBuild(['b\n']);
    await getBuiltExport('test:two', '"v1"', first.build);
    const newer = await getBuiltExport('test:two', '"v2"', second.build);
    assert.equal(second.counter.runs, 1);
    assert.equal(zlib.gunzipSync(newer.gzipped).toString('utf8'), 'b\n');
    // The old version is gone: asking for it builds again.
    await getBuiltExport('test:two', '"v1"', first.build);
    assert.equal(first.counter.runs, 2);
  });

  test('a build that fails is not kept: the next request builds again', async () => {
    let runs = 0;
    const failing = async function* () {
      runs++;
      yield 'a\n';
      throw new Error('database away');
    };
    await assert.rejects(getBuiltExport('test:three', '"v1"', failing), /database away/);
    await assert.rejects(getBuiltExport('test:three', '"v1"', failing), /database away/);
    assert.equal(runs, 2);
  });

  test('is sent gzipped to clients that take gzip, and plain to the others', async () => {
    const entry = await getBuiltExport('test:four', '"v1"', countedBuild(['x,y\n', '1,2\n']).build);
    const zipped = exportBody(entry, true);
    assert.deepEqual(zipped.headers, { 'x-roleboard-content-encoding': 'gzip', 'x-roleboard-content-length': String(entry.gzipped.length) });
    const plain = exportBody(entry, false);
    assert.equal(await new Response(plain.body).text(), 'x,y\n1,2\n');
    assert.deepEqual(plain.headers, { 'x-roleboard-content-length': '8' });
  });

  test('reads Accept-Encoding as RFC 9110 does', () => {
    assert.ok(acceptsGzip('gzip, deflate, br'));
    assert.ok(acceptsGzip('br;q=1.0, gzip;q=0.8'));
    assert.ok(acceptsGzip('*'));
    assert.ok(!acceptsGzip('gzip;q=0'));
    assert.ok(!acceptsGzip('br, identity'));
    assert.ok(!acceptsGzip(null));
  });
});
