'use server';
// Job postings for editors: upload → preview (app/admin/jobs/import/[id]) → apply, and placing a
// posting in an occupation. Every action goes through authenticatedAction, and the DAL
// (db/job-uploads.ts, db/job-placements.ts) checks the session again.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { placePosting, placePostingSchema } from '@/db/job-placements';
import { applyJobUpload, saveJobUpload } from '@/db/job-uploads';
import { formatByteSize, formatCount } from '@/lib/domain/format';
import { POSTING_FILE_LIMITS } from '@/lib/jobs/posting-file';
import { authenticatedAction } from '@/lib/server/authenticated-action';
import { invalidatePublicRoles } from '@/lib/server/cached-public-reads';
import { uploadIdSchema } from '@/lib/uploads';
import { uploadAction } from '@/lib/server/upload-action';

export const uploadJobPostingsAction = uploadAction({
  chooseAFile: 'Choose the postings file to import.',
  save: saveJobUpload,
  tooLargeMessage: (byteSize) => {
    const { maxBytes, maxRows } = POSTING_FILE_LIMITS.upload;
    return `The file is ${formatByteSize(byteSize)}; uploads may be at most ${formatByteSize(maxBytes)} and ${formatCount(maxRows)} postings. Split it, or use npm run jobs:import.`;
  },
  previewPath: (id) => `/admin/jobs/import/${id}`,
});

const applySchema = z.object({
  id: uploadIdSchema,
  digest: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Reload the page and try again.'),
});

export const applyJobPostingsAction = authenticatedAction({ role: 'editor', schema: applySchema }, async ({ id, digest }, { claims }) => {
  const result = await applyJobUpload(claims, { id, expectedPlanDigest: digest });
  switch (result.status) {
    case 'applied':
      invalidatePublicRoles(result.tags);
      redirect(`/admin/jobs/import/${id}?applied=1`);
    case 'already-applied':
      refresh();
      return { status: 'error', message: 'This file has already been applied: nothing was changed again.' };
    case 'nothing-to-apply':
      return { status: 'error', message: 'Nothing to apply: every posting in the file matches what Roleboard holds.' };
    case 'not-found':
      return { status: 'error', message: 'This upload no longer exists (uploads are kept for a week). Upload the file again.' };
    case 'invalid':
    case 'stale':
      refresh();
      return { status: 'error', message: 'The postings changed since this preview was made, so nothing was applied. The preview is up to date now: check it and apply again.' };
  }
});

export const placePostingAction = authenticatedAction({ role: 'editor', schema: placePostingSchema }, async (input, { claims }) => {
  const result = await placePosting(claims, input);
  switch (result.status) {
    case 'placed':
      invalidatePublicRoles(result.tags);
      // The posting leaves the list of those waiting: it is shown on its own, in its new place.
      redirect(`/admin/jobs?posting=${input.postingId}&placed=${result.count}`);
    case 'unchanged':
      return { status: 'saved', message: 'Already placed there by an editor.' };
    case 'unknown-role':
      return { status: 'error', message: 'No occupation has this slug.', fieldErrors: { roleSlug: ['No occupation has this slug: pick one from the list.'] } };
    case 'not-found':
      return { status: 'error', message: 'This posting no longer exists.' };
  }
});
