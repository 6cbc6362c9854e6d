// The first step of both imports that take a file (/admin/import, the catalogue; /admin/jobs,
// postings): the file is kept by its DAL function and the editor sent to its preview; an empty or
// too large file comes back to the form as the file field's error.
import 'server-only';
import { redirect } from 'next/navigation';
import { refusedUploadState, uploadFormSchema, type SaveUploadResult } from '@/lib/uploads';
import { authenticatedAction } from './authenticated-action';

export function uploadAction({
  chooseAFile,
  save,
  tooLargeMessage,
  previewPath,
}: {
  /** What the form says when no file was chosen, and after "The file is empty.". */
  chooseAFile: string;
  save: (claims: unknown, file: { name: string; bytes: Uint8Array }) => Promise<SaveUploadResult>;
  tooLargeMessage: (byteSize: number) => string;
  previewPath: (id: string) => string;
}) {
  return authenticatedAction(
    { role: 'editor', schema: uploadFormSchema(chooseAFile), toInput: (formData) => ({ file: formData.get('file') }), valuesOf: () => ({}) },
    async ({ file }, { claims }) => {
      const saved = await save(claims, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (saved.status === 'empty') return refusedUploadState(`The file is empty. ${chooseAFile}`);
      if (saved.status === 'too-large') return refusedUploadState(tooLargeMessage(saved.byteSize));
      redirect(previewPath(saved.id));
    },
  );
}
