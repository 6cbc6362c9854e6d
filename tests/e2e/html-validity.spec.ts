// Valid HTML and CSS, as the W3C's Nu Html Checker (vnu, from npm's vnu-jar, run on Java) reads
// them: every kind of public page as the server sends it, the widget in each of its variants, the
// sign-in page, the error pages the front writes itself, and the admin pages of a signed-in admin.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { testUsers } from '../support/users';

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;

const publicPages = [
  '/',
  '/?q=nurse&state=texas&sort=salary-desc',
  '/?maxEducation=high-school&sort=education-desc',
  '/jobs-without-a-degree',
  '/roles/software-developers',
  '/roles/backend-software-engineer',
  '/roles/actors',
  '/roles/software-developers/states/texas',
  '/states',
  '/states/texas',
  '/compare',
  '/compare/software-developers,computer-programmers,data-scientists',
  '/compare/software-developers,registered-nurses/states/california',
  '/developers',
  '/embed/software-developers',
  '/embed/actors?compact=1&theme=dark',
  '/embed/cardiologists?locale=de-DE&state=texas',
  '/login',
  '/roles/no-such-role',
  '/%zz',
];
const adminPages = ['/admin', '/admin/roles/software-developers', '/admin/roles/new', '/admin/roles/software-developers/history', '/admin/audit', '/admin/users', '/admin/import'];

type VnuMessage = { type: string; subType?: string; url: string; lastLine?: number; message: string; extract?: string };

/** vnu's errors for these documents (its warnings are advice, not validity). */
function validate(documents: { name: string; html: string }[]) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'roleboard-vnu-'));
  try {
    const files = documents.map(({ html }, index) => {
      const file = path.join(folder, `${index}.html`);
      fs.writeFileSync(file, html);
      return file;
    });
    let output: string;
    try {
      output = execFileSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--stdout', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      // vnu exits 1 when it finds errors; its report is on stdout all the same.
      output = (error as { stdout?: string }).stdout ?? '';
      if (!output) throw error;
    }
    const { messages } = JSON.parse(output) as { messages: VnuMessage[] };
    return messages
      .filter((message) => message.type === 'error' || message.subType === 'fatal')
      .map((message) => `${documents[Number(path.basename(new URL(message.url).pathname, '.html'))]!.name}:${message.lastLine ?? '?'}: ${message.message} ${message.extract ?? ''}`.trim());
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test.describe('valid HTML (the W3C Nu Html Checker)', () => {
  test.setTimeout(120_000);

  test('public pages, the widget, sign-in and error pages: no errors', async ({ request }) => {
    const documents = [];
    for (const name of publicPages) documents.push({ name, html: await (await request.get(name)).text() });
    expect(validate(documents)).toEqual([]);
  });

  test("an admin's pages: no errors", async ({ page }) => {
    await signIn(page, testUsers.admin);
    const documents = [];
    for (const name of adminPages) {
      const response = await page.request.get(name);
      expect(response.status(), name).toBe(200);
      documents.push({ name, html: await response.text() });
    }
    expect(validate(documents)).toEqual([]);
  });
});
