// Employer members' sign-up links by email (issue 22): what the mail worker (lib/server/mail-worker.ts)
// does with one invitation's job. An admin's invitation queues it (db/employers.ts,
// inviteEmployerMember); the admin is shown the link too, in case the email does not arrive.
import type { Database } from '@/db/connection';
import { findInviteToEmail } from '@/db/employer-invites';
import { employerInviteEmail } from '@/lib/employer-invite-email';
import { createMailTransport, type MailOptions } from './mail-transport';

/** The work of the invitation queue, apart from pg-boss so that tests can run it directly. */
export function employerInviteWork({ database, siteUrl, secret, smtpUrl, mailFrom }: MailOptions & { database: Database }) {
  const transport = createMailTransport(smtpUrl);
  const mailDomain = new URL(siteUrl).hostname;
  return {
    /** Sends one invitation's link, unless it was used, expired or withdrawn meanwhile; throws when the SMTP server does not take it. */
    async sendInvite({ inviteId }: { inviteId: number }) {
      const invite = await findInviteToEmail(database, { inviteId, secret });
      if (!invite) return 'no-invite' as const;
      await transport.sendMail({
        from: mailFrom,
        to: invite.email,
        ...employerInviteEmail({ employerName: invite.employerName, joinUrl: `${siteUrl}/join/${invite.token}`, expiresAt: invite.expiresAt }),
        // The same Message-ID on every try: a repeat after a crash is recognisably one message.
        messageId: `<employer-invite-${inviteId}@${mailDomain}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return 'sent' as const;
    },
    close: () => transport.close(),
  };
}
