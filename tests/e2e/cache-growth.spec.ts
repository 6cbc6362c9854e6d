// Visitors cannot fill the disk: distinct made-up role addresses, comparisons, API lookups and
// searches (500 on each test run, 2,000 in the soak run) leave (almost) nothing in Next.js's
// on-disk caches, which keep rendered pages and data. A page kept is 20 kB or more, so even the short
// run would pass the bound if made-up addresses were kept.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { rawRequest } from './support/raw-http';
import { soakRun } from './support/soak';

const REQUESTS = soakRun ? 2_000 : 500;
const MAX_GROWTH_BYTES = 5 * 1024 * 1024;

/** Bytes and files under a folder. */
function sizeOf(folder: string) {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

/** Where Next.js keeps what it renders and fetches at run time: the page cache and the data cache. */
function cacheSize() {
  const folders = ['.next/server/app', '.next/cache/fetch-cache'].filter((folder) => fs.existsSync(folder));
  return folders.map(sizeOf).reduce((total, size) => ({ bytes: total.bytes + size.bytes, files: total.files + size.files }), { bytes: 0, files: 0 });
}

test(`${REQUESTS.toLocaleString('en-US')} made-up addresses and searches grow the on-disk cache by less than 5 MB`, async ({ baseURL }) => {
  test.setTimeout(300_000);
  const run = Date.now().toString(36);
  const made = (index: number) => `made-up-${run}-${index}`;
  const kinds: [string, (index: number) => string, number[]][] = [
    ['role page', (index) => `/roles/${made(index)}`, [404]],
    ['comparison', (index) => `/compare/${made(index)},${made(index + 1)}`, [404]],
    ['comparison with one real role', (index) => `/compare/accountants-and-auditors,${made(index)}`, [200]],
    ['role in the API', (index) => `/api/v1/roles/${made(index)}`, [404]],
    ['history in the API', (index) => `/api/v1/roles/${made(index)}/history`, [404]],
    ['widget', (index) => `/embed/${made(index)}`, [404]],
    ['search', (index) => `/?q=${made(index)}`, [200]],
    ['search in the API', (index) => `/api/v1/roles?q=${made(index)}&sort=salary`, [200]],
    ['filtered listing', (index) => `/?minSalary=${index}&category=healthcare-practitioners-and-technical`, [200]],
    ['sitemap page', (index) => `/sitemaps/${index % 9000}.xml`, [200, 404]],
  ];
  const requests = Array.from({ length: REQUESTS }, (_, index) => {
    const [kind, pathOf, expected] = kinds[index % kinds.length]!;
    return { kind, path: pathOf(index), expected };
  });

  const before = cacheSize();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const unexpected: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < requests.length) {
        const { kind, path: requestPath, expected } = requests[next++]!;
        const response = await rawRequest(baseURL!, { path: requestPath }, agent);
        if (!expected.includes(response.status)) unexpected.push(`${kind} ${requestPath}: ${response.status}`);
      }
    }),
  );
  agent.destroy();
  const after = cacheSize();

  const grownBytes = after.bytes - before.bytes;
  console.log(`${REQUESTS} made-up requests: the cache grew by ${grownBytes} bytes and ${after.files - before.files} files`);
  expect(unexpected).toEqual([]);
  expect(grownBytes).toBeLessThan(MAX_GROWTH_BYTES);
});
