'use server';
// Editors' moderation of employers' postings: approve a waiting one, take one down with a reason.
// Each goes through authenticatedAction, and the DAL (db/employer-postings.ts) checks again.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { approveEmployerPosting, takeDownEmployerPosting } from '@/db/employer-postings';
import { formFields } from '@/lib/server/action-wrapper';
import { authenticatedAction } from '@/lib/server/authenticated-action';
import { invalidatePublicRoles } from '@/lib/server/cached-public-reads';
import { rejectedState } from '@/lib/form-state';

export const approvePostingAction = authenticatedAction({ role: 'editor', schema: formFields }, async (input, { claims }) => {
  const result = await approveEmployerPosting(claims, { id: input.id });
  if (result.status === 'saved') {
    if (result.tags.length > 0) invalidatePublicRoles(result.tags);
    // The posting leaves the list its form was in: the page says what happened.
    redirect('/admin/jobs/review?done=published');
  }
  refresh();
  return { status: 'error', message: result.status === 'unchanged' ? 'This posting is no longer waiting for review.' : 'This posting no longer exists.' };
});

export const takeDownPostingAction = authenticatedAction({ role: 'editor', schema: formFields }, async (input, { claims, values }) => {
  const result = await takeDownEmployerPosting(claims, { id: input.id, reason: input.reason });
  switch (result.status) {
    case 'saved':
      if (result.tags.length > 0) invalidatePublicRoles(result.tags);
      redirect('/admin/jobs/review?done=taken-down');
    case 'invalid':
      return rejectedState(result, values);
    case 'unchanged':
      refresh();
      return { status: 'error', message: 'This posting is already taken down, or was never published.' };
    case 'not-found':
      return { status: 'error', message: 'This posting no longer exists.' };
  }
});
