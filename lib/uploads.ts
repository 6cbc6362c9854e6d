// What both imports that take a file in the browser share (/admin/import, the catalogue; and
// /admin/jobs/import, postings): the form's file field, an upload's id, and the file's name as kept.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { FormState } from './form-state';

/** The upload form's one field; a file input left empty still sends a part: a nameless, empty file. */
export function uploadFormSchema(chooseAFile: string) {
  return z.object({
    file: z.file({ error: chooseAFile }).refine((file) => file.name !== '' || file.size > 0, chooseAFile),
  });
}

/** An upload's id: 16 random bytes, so nobody finds an upload by counting. */
export function newUploadId() {
  return randomBytes(16).toString('base64url');
}

export const uploadIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'This import does not exist.');

/** A file name from the browser as kept: only its last part, printable, and not too long. */
export function keptFileName(name: string, fallback: string) {
  return (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255) || fallback;
}

/** A refused upload as its form shows it: the reason above the form and at the file field. */
export function refusedUploadState(message: string): FormState {
  return { status: 'error', message, fieldErrors: { file: [message] } };
}

/** What keeping an upload did: kept it, or refused it for its size (what is wrong inside it, the preview shows). */
export type SaveUploadResult = { status: 'saved'; id: string } | { status: 'empty' } | { status: 'too-large'; byteSize: number };
