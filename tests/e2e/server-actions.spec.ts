// Next.js makes every `'use cache'` function a server reference too, and its action endpoint would
// run any of them, with any arguments, for anyone posting to a page: each new argument a new cache
// entry (issue 19). The HTTP front lets only the build's real Server Actions through
// (lib/server/server-actions.ts); these posts are made as an attacker's script makes them.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILD_DIR, SERVER_REFERENCE_MANIFEST_FILE } from '@/lib/framework-contract.mjs';
import { readServerReferences } from '@/lib/server/server-actions';
import { rawRequest } from './support/raw-http';

type ManifestEntry = { filename: string; exportedName: string };
const manifest = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, SERVER_REFERENCE_MANIFEST_FILE), 'utf8')) as { node: Record<string, ManifestEntry> };
const references = readServerReferences('.next');
const entries = Object.entries(manifest.node);
const cacheFunctionIds = entries.filter(([, entry]) => entry.filename === 'lib/server/cached-public-reads.ts').map(([id]) => id);
const signInActionId = entries.find(([, entry]) => entry.exportedName === 'signInAction')![0];

// The attack as reported: the sitemap's read asked for a million rows.
const attackBody = '[0,1000001]';
const fakeSessionCookie = 'authjs.session-token=made-up';

test.describe('the build, as the front reads it', () => {
  test('canary: the manifest tells our cached reads from our Server Actions', () => {
    const why = "Next.js changed its server-reference manifest or how an id says what it refers to: update lib/server/server-actions.ts";
    expect(cacheFunctionIds.length, why).toBeGreaterThanOrEqual(10);
    for (const id of cacheFunctionIds) expect(references.cacheFunctions.has(id) && !references.actions.has(id), `${why} (${manifest.node[id]!.exportedName})`).toBe(true);
    const actionNames = entries.filter(([id]) => references.actions.has(id)).map(([, entry]) => `${entry.filename}#${entry.exportedName}`);
    for (const action of ['app/login/actions.ts#signInAction', 'app/admin/actions.ts#signOutAction', 'app/admin/roles/actions.ts#updateRoleAction', 'app/admin/users/actions.ts#createUserAction']) {
      expect(actionNames, why).toContain(action);
    }
    for (const name of actionNames) expect(name, `${why}: only actions.ts files hold actions`).toMatch(/^app\/.*actions\.ts#\w+Action$/);
  });
});

test.describe('posting to a cached read', () => {
  test('as a fetch action: a 404 on every page, anonymous or with a made-up session cookie, and nothing runs', async ({ baseURL }) => {
    for (const id of cacheFunctionIds) {
      for (const [pagePath, headers] of [
        ['/login', {}],
        ['/admin/roles/new', { Cookie: fakeSessionCookie }],
        ['/admin/import', { Cookie: fakeSessionCookie }],
      ] as const) {
        const response = await rawRequest(baseURL!, {
          method: 'POST',
          path: pagePath,
          headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
          body: attackBody,
        });
        expect(response.status, `${manifest.node[id]!.exportedName} at ${pagePath}`).toBe(404);
        expect(response.headers['x-nextjs-action-not-found']).toBe('1');
        expect(response.body).toContain('Form not found');
      }
    }
  });

  test('named in a form posted without JavaScript ($ACTION_ID_ or $ACTION_REF_): a 404', async ({ baseURL }) => {
    for (const id of cacheFunctionIds) {
      const byId = new FormData();
      byId.append(`$ACTION_ID_${id}`, '');
      const byReference = new FormData();
      byReference.append('$ACTION_REF_1', '');
      byReference.append('$ACTION_1:0', JSON.stringify({ id, bound: '$@1' }));
      byReference.append('$ACTION_1:1', attackBody);
      for (const form of [byId, byReference]) {
        const response = await fetch(`${baseURL}/admin/roles/new`, { method: 'POST', body: form, headers: { Cookie: fakeSessionCookie }, redirect: 'manual' });
        expect(response.status, manifest.node[id]!.exportedName).toBe(404);
        expect(await response.text()).toContain('Form not found');
      }
    }
  });

  test('public pages take no posts at all: a 405 that says what they take', async ({ baseURL }) => {
    for (const pagePath of ['/', '/compare', '/roles/software-developers', '/states/texas', '/embed/software-developers']) {
      const response = await rawRequest(baseURL!, { method: 'POST', path: pagePath, headers: { 'Next-Action': cacheFunctionIds[0]!, 'Content-Type': 'text/plain' }, body: attackBody });
      expect(response.status, pagePath).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    }
  });
});

test.describe('posting to a real action what no form of ours sends', () => {
  test('arguments of another shape get a message, not a 5xx; arguments React cannot read are a 400', async ({ baseURL }) => {
    for (const body of ['[1,2]', '[]', '[null,null]', '["$K1"]', '[{"email":"a@b.c"},"x"]']) {
      const response = await rawRequest(baseURL!, { method: 'POST', path: '/login', headers: { 'Next-Action': signInActionId, 'Content-Type': 'text/plain;charset=UTF-8' }, body });
      expect(response.status, body).toBe(200);
      expect(response.body, body).toContain('What this form sent could not be read');
    }
    for (const body of ['x', '{}', '']) {
      const response = await rawRequest(baseURL!, { method: 'POST', path: '/login', headers: { 'Next-Action': signInActionId, 'Content-Type': 'text/plain;charset=UTF-8' }, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  test('an id that is no action of this build is a 404, as Next.js itself answers it', async ({ baseURL }) => {
    for (const id of [`7f${'0'.repeat(40)}`, 'x', signInActionId.slice(0, -1)]) {
      const response = await rawRequest(baseURL!, { method: 'POST', path: '/login', headers: { 'Next-Action': id, 'Content-Type': 'text/plain' }, body: '[]' });
      expect(response.status, id).toBe(404);
    }
  });
});
