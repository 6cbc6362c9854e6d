// Employers and their postings against PostgreSQL (issue 22): an admin creates an employer and
// invites a member; the link works once; the member's postings wait for an editor the first
// time, then publish at once; duplicates and the daily limit are refused; another employer's
// member reaches nothing of them (not found, and nothing written); closing, taking down and
// disabling the employer take postings off the open figures.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql as drizzleSql } from 'drizzle-orm';
import { AccessDeniedError } from '@/db/access';
import { closeDatabase } from '@/db/client';
import {
  approveEmployerPosting,
  closeEmployerPosting,
  getEmployerPage,
  getEmployerPosting,
  listOwnPostings,
  saveEmployerPosting,
  takeDownEmployerPosting,
} from '@/db/employer-postings';
import { acceptEmployerInvite, createEmployer, getInvite, inviteEmployerMember, setEmployerDisabled } from '@/db/employers';
import { auditLog, employerInvites, employerPostings, jobPostings, rolePostingFigures, roles, userSessions, users } from '@/db/schema';
import { latestClosingDay } from '@/lib/employer-schemas';
import { POSTING_FILE_LIMITS, readPostingFile } from '@/lib/jobs/posting-file';
import { claimsFor } from '../support/claims';
import { connectToTestDatabase } from '../support/database';
import { testUsers } from '../support/users';

const { db, sql } = connectToTestDatabase();
const run = `${process.pid}${Date.now()}`;
after(() => Promise.all([sql.end(), closeDatabase()]));

const password = 'a long and unusual passphrase 42';
/** An invitation as a server without SMTP_URL makes it: shown to the admin only (its email: employer-invite-mail.test.ts). */
const inviteMember = (admin: unknown, input: { employerId: unknown; email: unknown }) => inviteEmployerMember(admin, input, { secret: 'employers-test-secret-of-32-characters', queueEmail: null });
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

const posting = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  roleSlug: 'data-scientists',
  places: 'Denver, CO',
  remote: false,
  payMin: '90000',
  payMax: '120000',
  payPeriod: 'year',
  employmentType: 'full-time',
  educationAsked: 'bachelor',
  description: 'Work with **data**.\n\n- Clean it\n- Explain it\n\nMore at [our site](https://example.com/jobs).',
  applyTo: 'https://example.com/apply',
  closesOn: inAWeek(),
  intent: 'save',
  ...extra,
});

async function openCount(slug: string) {
  const [row] = await db
    .select({ open: rolePostingFigures.openCount })
    .from(rolePostingFigures)
    .innerJoin(roles, eq(roles.id, rolePostingFigures.roleId))
    .where(and(eq(roles.slug, slug), eq(rolePostingFigures.areaFips, '00')));
  return row?.open ?? 0;
}

async function writes() {
  const [row] = await db.select({ count: drizzleSql<number>`count(*)::int` }).from(auditLog);
  return row!.count;
}

/** An employer with one member, signed in: returns the member's claims. */
async function employerWithMember(label: string) {
  const admin = await claimsFor(db, testUsers.admin.email);
  const created = await createEmployer(admin, { name: `${label} ${run}`, website: 'https://example.com', verifiedDomain: '' });
  assert.equal(created.status, 'saved');
  const employerId = created.status === 'saved' ? created.employer.id : 0;
  const email = `${label.toLowerCase().replace(/\W+/g, '-')}-${run}@example.com`;
  const invite = await inviteMember(admin, { employerId, email });
  assert.equal(invite.status, 'invited');
  const joined = await acceptEmployerInvite({ token: invite.status === 'invited' ? invite.token : '', name: `${label} member`, password });
  assert.equal(joined.status, 'joined');
  return { employerId, email, claims: await claimsFor(db, email), slug: created.status === 'saved' ? created.employer.slug : '' };
}

describe('employers and their members', () => {
  test('only admins create employers and invite; a name is taken once; a verified domain limits whom', async () => {
    const editor = await claimsFor(db, testUsers.editor.email);
    await assert.rejects(createEmployer(editor, { name: `Nope ${run}`, website: 'https://example.com', verifiedDomain: '' }), AccessDeniedError);
    const admin = await claimsFor(db, testUsers.admin.email);
    const created = await createEmployer(admin, { name: `Acme Domain ${run}`, website: 'https://acme.example', verifiedDomain: 'Acme.Example' });
    assert.ok(created.status === 'saved');
    assert.equal(created.employer.verifiedDomain, 'acme.example');
    assert.deepEqual(await createEmployer(admin, { name: `ACME DOMAIN ${run}`, website: 'https://acme.example', verifiedDomain: '' }), { status: 'refused', codes: ['employer:name_taken'] });
    const invalid = await createEmployer(admin, { name: '', website: 'javascript:alert(1)', verifiedDomain: 'not a domain' });
    assert.ok(invalid.status === 'invalid' && invalid.fieldErrors.name && invalid.fieldErrors.website && invalid.fieldErrors.verifiedDomain);
    assert.deepEqual(await inviteMember(admin, { employerId: created.employer.id, email: `someone-${run}@elsewhere.example` }), { status: 'refused', codes: ['employer:email_domain'] });
    assert.equal((await inviteMember(admin, { employerId: created.employer.id, email: `hire-${run}@acme.example` })).status, 'invited');
  });

  test('a sign-up link works once, for its address, until it expires', async () => {
    const admin = await claimsFor(db, testUsers.admin.email);
    const created = await createEmployer(admin, { name: `Linkco ${run}`, website: 'https://linkco.example', verifiedDomain: '' });
    assert.ok(created.status === 'saved');
    const email = `member-${run}@linkco.example`;
    const invite = await inviteMember(admin, { employerId: created.employer.id, email });
    assert.ok(invite.status === 'invited');
    const [stored] = await db.select().from(employerInvites).where(eq(employerInvites.email, email));
    assert.notEqual(stored!.tokenHash, invite.token, 'only a hash of the token is kept');
    assert.deepEqual(await getInvite(invite.token), { status: 'valid', employerName: `Linkco ${run}`, email });
    assert.equal((await acceptEmployerInvite({ token: invite.token, name: 'Lin', password: 'password' })).status, 'invalid', 'a common password is refused');
    assert.equal((await acceptEmployerInvite({ token: invite.token, name: 'Lin Member', password })).status, 'joined');
    const [member] = await db.select().from(users).where(eq(users.email, email));
    assert.equal(member!.role, 'employer');
    assert.equal(member!.employerId, created.employer.id);
    assert.deepEqual(await acceptEmployerInvite({ token: invite.token, name: 'Again', password }), { status: 'link-not-valid', reason: 'used' });
    assert.deepEqual(await acceptEmployerInvite({ token: 'A'.repeat(43), name: 'Made up', password }), { status: 'link-not-valid', reason: 'unknown' });
    // An address that already has an account cannot be invited again.
    assert.deepEqual(await inviteMember(admin, { employerId: created.employer.id, email }), { status: 'refused', codes: ['user:email_taken'] });

    const late = await inviteMember(admin, { employerId: created.employer.id, email: `late-${run}@linkco.example` });
    assert.ok(late.status === 'invited');
    await db.update(employerInvites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(employerInvites.email, `late-${run}@linkco.example`));
    assert.deepEqual(await acceptEmployerInvite({ token: late.token, name: 'Late', password }), { status: 'link-not-valid', reason: 'expired' });
  });

  test('a member is no editor: the catalogue and other admin reads refuse them', async () => {
    const { claims } = await employerWithMember('Notaneditor');
    await assert.rejects(approveEmployerPosting(claims, { id: 1 }), AccessDeniedError);
    await assert.rejects(createEmployer(claims, { name: 'X', website: 'https://x.example', verifiedDomain: '' }), AccessDeniedError);
  });
});

describe('employer postings', () => {
  let first: Awaited<ReturnType<typeof employerWithMember>>;
  let other: Awaited<ReturnType<typeof employerWithMember>>;
  let editor: Awaited<ReturnType<typeof claimsFor>>;

  before(async () => {
    first = await employerWithMember('Firstco');
    other = await employerWithMember('Otherco');
    editor = await claimsFor(db, testUsers.editor.email);
  });

  test('the first posting waits for an editor; once approved it is open, and later ones publish at once', async () => {
    const before = await openCount('data-scientists');
    const saved = await saveEmployerPosting(first.claims, posting(`Data Wrangler ${run}`));
    assert.ok(saved.status === 'saved');
    assert.equal(saved.postingStatus, 'draft');
    const submitted = await saveEmployerPosting(first.claims, posting(`Data Wrangler ${run}`, { id: saved.id, version: saved.version, intent: 'publish' }));
    assert.ok(submitted.status === 'saved');
    assert.equal(submitted.postingStatus, 'pending', 'a new employer’s first posting waits');
    assert.equal(await openCount('data-scientists'), before);

    const approved = await approveEmployerPosting(editor, { id: saved.id });
    assert.ok(approved.status === 'saved');
    assert.ok(approved.tags.includes('jobs') && approved.tags.includes('role:data-scientists'));
    const [job] = await db.select().from(jobPostings).where(and(eq(jobPostings.source, 'roleboard'), eq(jobPostings.sourceId, String(saved.id))));
    assert.equal(job!.title, `Data Wrangler ${run}`);
    assert.equal(job!.employer, `Firstco ${run}`);
    assert.equal(job!.annualPayMid, 105_000);
    assert.equal(job!.placement, 'classifier');
    assert.equal(await openCount('data-scientists'), before + 1);

    const second = await saveEmployerPosting(first.claims, posting(`Data Analyst ${run}`, { intent: 'publish', places: 'Austin, Texas' }));
    assert.ok(second.status === 'saved');
    assert.equal(second.postingStatus, 'published', 'a trusted employer publishes at once');
    assert.equal(await openCount('data-scientists'), before + 2);
    const page = await getEmployerPage(first.slug);
    assert.deepEqual(page?.open.map((open) => open.title).sort(), [`Data Analyst ${run}`, `Data Wrangler ${run}`]);
  });

  test('the title classifier suggests the occupation when the member leaves it empty', async () => {
    const saved = await saveEmployerPosting(first.claims, posting(`Registered Nurse ${run}`, { roleSlug: '', places: 'Boise, ID' }));
    assert.ok(saved.status === 'saved');
    assert.equal(saved.suggestedRole?.slug, 'registered-nurses');
  });

  test('another employer’s member reaches nothing of it: not found, and nothing written', async () => {
    const [mine] = await listOwnPostings(first.claims);
    assert.ok(mine);
    const auditBefore = await writes();
    assert.equal(await getEmployerPosting(other.claims, { id: mine.id }), null);
    assert.ok(!(await listOwnPostings(other.claims)).some((own) => own.id === mine.id));
    assert.deepEqual(await saveEmployerPosting(other.claims, posting('Hijacked', { id: mine.id, version: mine.version, intent: 'publish' })), { status: 'not-found' });
    assert.deepEqual(await closeEmployerPosting(other.claims, { id: mine.id, version: mine.version }), { status: 'not-found' });
    assert.equal(await writes(), auditBefore);
    const [unchanged] = await db.select().from(employerPostings).where(eq(employerPostings.id, mine.id));
    assert.equal(unchanged!.version, mine.version);
  });

  test('a save over a newer version is a conflict, with the current posting', async () => {
    const saved = await saveEmployerPosting(first.claims, posting(`Versioned ${run}`, { places: 'Reno, NV' }));
    assert.ok(saved.status === 'saved');
    const newer = await saveEmployerPosting(first.claims, posting(`Versioned ${run}`, { places: 'Reno, NV', id: saved.id, version: saved.version, description: 'Newer text.' }));
    assert.ok(newer.status === 'saved');
    const stale = await saveEmployerPosting(first.claims, posting(`Versioned ${run}`, { places: 'Reno, NV', id: saved.id, version: saved.version, description: 'Older text.' }));
    assert.ok(stale.status === 'conflict');
    assert.equal(stale.current.description, 'Newer text.');
  });

  test('a duplicate within 30 days and more new postings than the daily limit are refused', async () => {
    const duplicate = await saveEmployerPosting(first.claims, posting(`data wrangler ${run}`));
    assert.equal(duplicate.status, 'refused');
    assert.ok(duplicate.status === 'refused' && duplicate.codes[0] === 'posting:duplicate' && typeof duplicate.duplicateOf === 'number');
    const limit = process.env.EMPLOYER_DAILY_POSTINGS;
    process.env.EMPLOYER_DAILY_POSTINGS = '1';
    try {
      assert.deepEqual(await saveEmployerPosting(other.claims, posting(`Only one ${run}`, { places: 'Salem, OR' })).then((result) => result.status), 'saved');
      assert.deepEqual(await saveEmployerPosting(other.claims, posting(`One too many ${run}`, { places: 'Salem, OR' })), { status: 'refused', codes: ['posting:daily_limit'] });
    } finally {
      if (limit === undefined) delete process.env.EMPLOYER_DAILY_POSTINGS;
      else process.env.EMPLOYER_DAILY_POSTINGS = limit;
    }
  });

  test('bad input changes nothing: field errors for each field', async () => {
    const auditBefore = await writes();
    const result = await saveEmployerPosting(
      first.claims,
      posting('', { payMin: 'lots', payMax: '10', places: 'Nowhere', applyTo: 'javascript:alert(1)', closesOn: latestClosingDay(new Date(Date.now() + 5 * 86_400_000)), description: '[x](javascript:alert(1))' }),
    );
    assert.ok(result.status === 'invalid');
    for (const field of ['title', 'payMin', 'places', 'applyTo', 'closesOn', 'description']) assert.ok(result.fieldErrors[field], `${field} refused`);
    assert.equal(await writes(), auditBefore);
  });

  test('closing takes a posting off the open figures at once; taking down removes it and says why', async () => {
    const before = await openCount('data-scientists');
    const [analyst] = (await listOwnPostings(first.claims)).filter((own) => own.title === `Data Analyst ${run}`);
    const closed = await closeEmployerPosting(first.claims, { id: analyst!.id, version: analyst!.version });
    assert.ok(closed.status === 'saved' && closed.tags.includes(`job:${analyst!.jobPostingId}`));
    assert.equal(await openCount('data-scientists'), before - 1);

    const [wrangler] = (await listOwnPostings(first.claims)).filter((own) => own.title === `Data Wrangler ${run}`);
    const takenDown = await takeDownEmployerPosting(editor, { id: wrangler!.id, reason: 'The pay range is not real.' });
    assert.ok(takenDown.status === 'saved');
    assert.equal(await openCount('data-scientists'), before - 2);
    assert.equal((await db.select().from(jobPostings).where(eq(jobPostings.id, wrangler!.jobPostingId!))).length, 0);
    const seen = await getEmployerPosting(first.claims, { id: wrangler!.id });
    assert.equal(seen?.status, 'taken-down');
    assert.equal(seen?.takedownReason, 'The pay range is not real.');
    assert.deepEqual(await saveEmployerPosting(first.claims, posting(`Data Wrangler ${run}`, { id: wrangler!.id, version: seen!.version, intent: 'publish' })), { status: 'refused', codes: ['posting:taken_down'] });
  });

  test('disabling an employer signs its members out, closes its open postings and keeps them out', async () => {
    const third = await employerWithMember('Thirdco');
    const editorSaved = await saveEmployerPosting(third.claims, posting(`Biostatistician ${run}`, { places: 'Omaha, NE', intent: 'publish' }));
    assert.ok(editorSaved.status === 'saved');
    await approveEmployerPosting(editor, { id: editorSaved.id });
    const before = await openCount('data-scientists');
    const admin = await claimsFor(db, testUsers.admin.email);
    const disabled = await setEmployerDisabled(admin, { employerId: third.employerId, disabled: true });
    assert.ok(disabled.status === 'saved' && disabled.changed && disabled.tags.includes('jobs'));
    assert.equal(await openCount('data-scientists'), before - 1);
    const [member] = await db.select({ id: users.id }).from(users).where(eq(users.email, third.email));
    assert.equal((await db.select().from(userSessions).where(eq(userSessions.userId, member!.id))).length, 0);
    await assert.rejects(listOwnPostings(third.claims), AccessDeniedError);
    await assert.rejects(listOwnPostings(await claimsFor(db, third.email)), AccessDeniedError, 'a new session counts for nothing either');
    assert.equal(await getEmployerPage(third.slug), null);
  });

  test('a file may not write over postings made on the form', () => {
    const file = readPostingFile(
      'source,source_id,title,employer,city,state,posted_on,pay_min,pay_max,pay_period,apply_url\nroleboard,1,Spoof,Acme,Denver,CO,2026-01-05,1,2,hour,https://example.com\n',
      POSTING_FILE_LIMITS.commandLine,
    );
    assert.equal(file.rows.length, 0);
    assert.match(file.problems[0]!.message, /for postings employers make on Roleboard/);
  });
});
