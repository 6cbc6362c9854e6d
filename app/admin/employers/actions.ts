'use server';
// Employers, for admins: create one, invite its members, disable or enable it. Each action goes
// through authenticatedAction (an admin's session) and the DAL (db/employers.ts) checks again.
import { refresh } from 'next/cache';
import { createEmployer, inviteEmployerMember, setEmployerDisabled } from '@/db/employers';
import { formFields } from '@/lib/server/action-wrapper';
import { authenticatedAction } from '@/lib/server/authenticated-action';
import { invalidatePublicRoles } from '@/lib/server/cached-public-reads';
import { env } from '@/lib/env';
import { rejectedState } from '@/lib/form-state';
import { formatEditTime } from '@/lib/domain/format';
import { queueEmployerInviteEmail } from '@/lib/server/mail-queues';

export const createEmployerAction = authenticatedAction({ role: 'admin', schema: formFields }, async (input, { claims, values }) => {
  const result = await createEmployer(claims, { name: input.name as string, website: input.website as string, verifiedDomain: (input.verifiedDomain as string | undefined) ?? '' });
  switch (result.status) {
    case 'saved':
      refresh();
      return { status: 'saved', message: `Created ${result.employer.name}. Invite its members below.` };
    case 'invalid':
    case 'refused':
      return rejectedState(result, values);
    case 'not-found':
      return { status: 'error', message: 'This employer no longer exists.' };
  }
});

export const inviteMemberAction = authenticatedAction({ role: 'admin', schema: formFields }, async (input, { claims, values }) => {
  const databaseUrl = env.DATABASE_URL();
  const result = await inviteEmployerMember(
    claims,
    { employerId: input.employerId, email: input.email },
    // Without SMTP_URL no email goes out: the admin passes the link on.
    { secret: env.AUTH_SECRET(), queueEmail: env.SMTP_URL() ? (inviteId) => queueEmployerInviteEmail({ databaseUrl, inviteId }) : null },
  );
  switch (result.status) {
    case 'invited': {
      refresh();
      const until = formatEditTime(result.expiresAt);
      return {
        status: 'saved',
        message: result.emailed
          ? `Sign-up link to join ${result.employerName}, emailed to ${result.email}: it works once, until ${until}. Should the email not arrive, pass it on yourself; Roleboard keeps only a fingerprint of it.`
          : `Sign-up link for ${result.email} to join ${result.employerName}: it works once, until ${until}. Send it to them yourself; Roleboard keeps only a fingerprint of it.`,
        detail: { link: `${env.SITE_URL()}/join/${result.token}` },
      };
    }
    case 'invalid':
    case 'refused':
      return rejectedState(result, values);
    case 'not-found':
      return { status: 'error', message: 'This employer no longer exists.' };
  }
});

export const setEmployerDisabledAction = authenticatedAction({ role: 'admin', schema: formFields }, async (input, { claims }) => {
  const result = await setEmployerDisabled(claims, { employerId: input.employerId, disabled: input.disabled });
  switch (result.status) {
    case 'saved':
      if (result.tags.length > 0) invalidatePublicRoles(result.tags);
      refresh();
      return {
        status: 'saved',
        message: !result.changed ? 'Nothing to change.' : result.employer.disabled ? `${result.employer.name} is disabled: its members are signed out and its open postings closed.` : `${result.employer.name} is enabled again.`,
      };
    case 'invalid':
    case 'not-found':
      return { status: 'error', message: 'This employer no longer exists.' };
  }
});
