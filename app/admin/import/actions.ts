'use server';
// Importing a catalogue file: upload → preview (app/admin/import/[id]) → apply. Both actions go
// through authenticatedAction, and the DAL (db/catalogue-uploads.ts) checks the session again.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { applyCatalogueUpload, saveCatalogueUpload, uploadIdSchema } from '@/db/catalogue-uploads';
import { authenticatedAction } from '@/lib/server/authenticated-action';
import { invalidatePublicRoles } from '@/lib/server/cached-public-reads';

const CHOOSE_A_FILE = 'Choose the CSV file to import.';

// A file input left empty still sends a part: a nameless, empty file.
const uploadSchema = z.object({
  file: z.file({ error: CHOOSE_A_FILE }).refine((file) => file.name !== '' || file.size > 0, CHOOSE_A_FILE),
});

export const uploadCatalogueAction = authenticatedAction(
  { role: 'editor', schema: uploadSchema, toInput: (formData) => ({ file: formData.get('file') }), valuesOf: () => ({}) },
  async ({ file }, { claims }) => {
    const saved = await saveCatalogueUpload(claims, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (saved.status === 'invalid') return { status: 'error', message: saved.message, fieldErrors: { file: [saved.message] } };
    redirect(`/admin/import/${saved.id}`);
  },
);

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
      return { status: 'error', message: result.reason };
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
