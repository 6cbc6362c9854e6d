'use server';
// An employer's member keeps their employer's postings: save, publish, close. Each action goes
// through authenticatedAction (a member's session), and the DAL (db/employer-postings.ts) checks
// the session, the employer and every field again.
import { redirect } from 'next/navigation';
import { closeEmployerPosting, saveEmployerPosting } from '@/db/employer-postings';
import { formFields } from '@/lib/server/action-wrapper';
import { authenticatedAction } from '@/lib/server/authenticated-action';
import { invalidatePublicRoles } from '@/lib/server/cached-public-reads';
import { refusalFeedback } from '@/lib/domain/errors';
import { rejectedState } from '@/lib/form-state';
import { formatEditTime } from '@/lib/domain/format';

export const savePostingAction = authenticatedAction({ role: 'employer', schema: formFields }, async (input, { claims, values }) => {
  const result = await saveEmployerPosting(claims, input);
  switch (result.status) {
    case 'saved':
      if (result.tags.length > 0) invalidatePublicRoles(result.tags);
      redirect(`/employer/postings/${result.id}?saved=${result.postingStatus}${result.suggestedRole ? '&suggested=1' : ''}`);
    case 'invalid':
      return rejectedState(result, values);
    case 'refused':
      return { status: 'error', ...refusalFeedback(result.codes), ...(result.duplicateOf !== undefined && { detail: { duplicateOf: result.duplicateOf } }), values };
    case 'conflict':
      return {
        status: 'conflict',
        message: `${result.current.updatedBy} saved this posting at ${formatEditTime(result.current.updatedAt)}, after you opened it. Your version is below: save it again to replace theirs, or reload the page to see theirs.`,
        values: { ...values, currentVersion: String(result.current.version) },
      };
    case 'not-found':
      return { status: 'error', message: 'This posting does not exist.' };
  }
});

export const closePostingAction = authenticatedAction({ role: 'employer', schema: formFields }, async (input, { claims }) => {
  const result = await closeEmployerPosting(claims, { id: input.id, version: input.version });
  switch (result.status) {
    case 'saved':
      if (result.tags.length > 0) invalidatePublicRoles(result.tags);
      redirect(`/employer/postings/${String(input.id)}?closed=1`);
    case 'conflict':
      return { status: 'error', message: 'This posting changed since you opened it. Reload the page and close it again.' };
    case 'refused':
      return rejectedState(result);
    case 'invalid':
    case 'not-found':
      return { status: 'error', message: 'This posting does not exist.' };
  }
});
