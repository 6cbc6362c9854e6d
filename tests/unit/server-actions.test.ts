// Which posted requests the HTTP front lets reach Next.js's Server Action endpoint: only the
// build's real actions, with arguments React can decode. Run against a real HTTP server, because
// the front reads a body before Next.js does and must leave exactly the same bytes for it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { actionsInForm, checkServerActionRequest, type ActionVerdict } from '@/lib/server/server-actions';

// Ids shaped as Next.js makes them: 42 hex digits, the first byte's top bit set for 'use cache' functions.
const realAction = `7f${'a'.repeat(40)}`;
const cacheFunction = `c0${'b'.repeat(40)}`;
const actions = new Set([realAction]);

type Seen = { verdict: ActionVerdict; bodyAfter: string; bytesAfter: number };

let server: http.Server;
let base: string;

before(async () => {
  // As the front and then Next.js: the verdict first, then the whole body read the usual way.
  server = http.createServer(async (req, res) => {
    const verdict = await checkServerActionRequest(req, actions);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const seen: Seen = { verdict, bodyAfter: createHash('sha256').update(body).digest('hex'), bytesAfter: body.length };
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(seen));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request(`${base}/admin/roles/new`, { method: 'POST', body, headers });
  const bytes = Buffer.from(await request.clone().arrayBuffer());
  const response = await fetch(request);
  const seen = (await response.json()) as Seen;
  assert.equal(seen.bytesAfter, bytes.length, 'the body is read whole after the check');
  assert.equal(seen.bodyAfter, createHash('sha256').update(bytes).digest('hex'), 'the same bytes are read after the check');
  return seen.verdict;
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('the action ids a form posted without JavaScript names', () => {
  test('as $ACTION_ID_<id>, or as $ACTION_REF_<n> with its descriptor and bound arguments', () => {
    assert.deepEqual(actionsInForm(form({ [`$ACTION_ID_${realAction}`]: '', email: 'a@b.c' })), [{ id: realAction, readable: true }]);
    // As React writes a form of useActionState: the previous state bound as the first argument.
    assert.deepEqual(actionsInForm(form({ $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id: realAction, bound: '$@1' }), '$ACTION_1:1': '[{}]', $ACTION_KEY: 'k0' })), [
      { id: realAction, readable: true },
    ]);
    assert.deepEqual(actionsInForm(form({ $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id: cacheFunction, bound: null }) })), [{ id: cacheFunction, readable: true }]);
    assert.deepEqual(actionsInForm(form({ q: 'nurse' })), []);
  });

  test('a reference whose descriptor cannot be read names no action there is; bound arguments React cannot decode are unreadable', () => {
    assert.deepEqual(actionsInForm(form({ $ACTION_REF_1: '' })), [{ id: '', readable: false }]);
    assert.deepEqual(actionsInForm(form({ $ACTION_REF_1: '', '$ACTION_1:0': 'not json' })), [{ id: '', readable: false }]);
    assert.deepEqual(actionsInForm(form({ $ACTION_REF_1: '', '$ACTION_1:0': '{"bound":null}' })), [{ id: '', readable: false }]);
    for (const bound of ['', 'x', '{}', '["$Q1"]']) {
      assert.deepEqual(actionsInForm(form({ $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id: realAction, bound: '$@1' }), '$ACTION_1:1': bound })), [{ id: realAction, readable: false }], bound);
    }
    assert.deepEqual(actionsInForm(form({ $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id: realAction, bound: '$@1' }) })), [{ id: realAction, readable: false }]);
    assert.deepEqual(actionsInForm(form({ $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id: realAction, bound: [1] }) })), [{ id: realAction, readable: false }]);
  });
});

describe('posts to the action endpoint', () => {
  test('a fetch action of the build, with a list of arguments, is let through', async () => {
    assert.equal(await post('[{"a":1},"$K1"]', { 'next-action': realAction, 'content-type': 'text/plain;charset=UTF-8' }), 'allowed');
    // What a form's previous state can hold: text typed with a $ (escaped as $$), undefined, numbers React spells out.
    const state = { status: 'error', values: { title: '$$100 jobs', note: '$undefined' }, list: ['$NaN', '$-Infinity', '$n12', '$D2026-12-06T18:00:00.000Z'] };
    assert.equal(await post(JSON.stringify([state, '$K1']), { 'next-action': realAction, 'content-type': 'text/plain' }), 'allowed');
    const withForm = form({ '0': '["$K1"]', '1_email': 'a@b.c' });
    assert.equal(await post(withForm, { 'next-action': realAction }), 'allowed');
  });

  test("a 'use cache' function, an unknown id or a repeated header is refused, whatever the body", async () => {
    for (const id of [cacheFunction, `7f${'c'.repeat(40)}`, 'x', '']) {
      assert.equal(await post('[0,1000001]', { 'next-action': id, 'content-type': 'text/plain' }), 'refused', id);
    }
  });

  test('arguments React could not decode are malformed: not JSON, not a list, or a form without its list', async () => {
    for (const body of ['x', '{}', '"text"', '']) assert.equal(await post(body, { 'next-action': realAction, 'content-type': 'text/plain' }), 'malformed', body);
    // References to parts the request need not send (a Map, a promise, a server reference, a stream…), at any depth.
    for (const reference of ['$Q1', '$@1', '$h1', '$T', '$R1', '$W2', '$B1', '$K', '$Kx']) {
      const body = JSON.stringify([{ status: 'idle', values: { list: [reference] } }, '$K1']);
      assert.equal(await post(body, { 'next-action': realAction, 'content-type': 'text/plain' }), 'malformed', reference);
    }
    assert.equal(await post(form({ '1_email': 'a@b.c' }), { 'next-action': realAction }), 'malformed');
  });

  test('a form posted without JavaScript is let through only if every action it names is one of the build', async () => {
    assert.equal(await post(form({ [`$ACTION_ID_${realAction}`]: '', email: 'a@b.c' })), 'allowed');
    assert.equal(await post(form({ [`$ACTION_ID_${cacheFunction}`]: '' })), 'refused');
    assert.equal(await post(form({ $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id: cacheFunction, bound: null }) })), 'refused');
    assert.equal(await post(form({ [`$ACTION_ID_${realAction}`]: '', $ACTION_REF_2: '', '$ACTION_2:0': '{"id":"x"}' })), 'refused');
    // The fuzz test's find: a real action whose bound arguments are empty made React fail (a 500).
    assert.equal(await post(form({ $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id: realAction, bound: '$@1' }), '$ACTION_1:1': '' })), 'malformed');
  });

  test('other posts are no action of ours to judge, and their bodies reach Next.js untouched', async () => {
    assert.equal(await post(form({ q: 'nurse' })), 'not-an-action');
    assert.equal(await post('email=a%40b.c', { 'content-type': 'application/x-www-form-urlencoded' }), 'not-an-action');
    // A large form, sent in many packets, is read whole and handed on whole.
    const big = form({ [`$ACTION_ID_${realAction}`]: '', notes: 'x'.repeat(900_000) });
    assert.equal(await post(big), 'allowed');
  });
});
