'use server';
// Importing a catalogue file: upload → preview (app/admin/import/[id]) → apply. Both actions go
// through authenticatedAction, and the DAL (db/catalogue-uploads.ts) checks the session again.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { nothingToApplyReason } from '@/db/catalogue-import-preview';
import { applyCatalogueUpload, saveCatalogueUpload } from '@/db/catalogue-uploads';
import { tooLargeMessage } from '@/lib/catalogue-file';
import { authenticatedAction } from '@/lib/server/authenticated-action';
import { invalidatePublicRoles } from '@/lib/server/cached-public-reads';
import { uploadIdSchema } from '@/lib/uploads';
import { uploadAction } from '@/lib/server/upload-action';

export const uploadCatalogueAction = uploadAction({
  chooseAFile: 'Choose the CSV file to import.',
  save: saveCatalogueUpload,
  tooLargeMessage,
  previewPath: (id) => `/admin/import/${id}`,
});

const applySchema = z.object({
  id: uploadIdSchema,
  digest: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Reload the page and try again.'),
  overwriteEdited: z
    .literal('on')
    .optional()
    .transform((value) => value === 'on'),
});

export const applyCatalogueAction = authenticatedAction({ role: 'editor', schema: applySchema }, async ({ id, digest, overwriteEdited }, { claims }) => {
  const result = await applyCatalogueUpload(claims, { id, overwriteEdited, expectedPlanDigest: digest });
  switch (result.status) {
    case 'applied':
      invalidatePublicRoles(result.tags);
      redirect(`/admin/import/${id}?applied=1`);
    case 'already-applied':
      refresh();
      return { status: 'error', message: 'This file has already been applied: nothing was changed again.' };
    case 'nothing-to-apply':
      refresh();
      return { status: 'error', message: nothingToApplyReason(result.counts) };
    case 'not-found':
      return { status: 'error', message: 'This upload no longer exists (uploads are kept for a week). Upload the file again.' };
    case 'invalid':
    case 'stale':
      // The preview re-renders with what the database holds now.
      refresh();
      return {
        status: 'error',
        message: 'The roles changed since this preview was made, so nothing was applied. The preview below is up to date: check it and apply again.',
      };
  }
});
