'use server';
// Role editing. Each action goes through authenticatedAction (session, role, session version),
// hands the claims to the DAL (which checks them again), and invalidates exactly the cache tags
// the change touched, so the public pages show it on the very next request.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formatEditTime } from '@/lib/format';
import { archiveRole, createRole, restoreRole, revertRoleStats, updateRole, type RoleMutationResult } from '@/db/role-edits';
import { authenticatedAction } from '@/lib/authenticated-action';
import { invalidatePublicRoles } from '@/lib/public-roles';
import { fieldErrorsOf, type FormState } from '@/lib/form-state';
import {
  applyListEdit,
  listEditSchema,
  newRoleFormSchema,
  roleFormSchema,
  toFormValues,
  toRoleFormValues,
  type RoleFormValues,
} from '@/lib/role-schemas';
import { slugSchema } from '@/lib/slug';

const id = z.coerce.number().int().positive();

/** Which button sent the form, and everything in it as typed; validated in the handler. */
const roleSubmissionSchema = z.object({
  intent: z.string().max(40),
  roleId: id.optional(),
  loadedSlug: slugSchema.optional(),
  values: z.custom<RoleFormValues>((value) => typeof value === 'object' && value !== null),
});

function toRoleSubmission(formData: FormData) {
  const text = (name: string) => (typeof formData.get(name) === 'string' ? String(formData.get(name)) : undefined);
  return {
    // Enter in a text field submits without a button name: that is a save.
    intent: text('intent') || 'save',
    roleId: text('roleId'),
    loadedSlug: text('loadedSlug'),
    values: toRoleFormValues(formData),
  };
}

/** Add/remove/move a list row: the form comes back edited and nothing is saved. */
function editLists(intent: string, values: RoleFormValues): FormState {
  const edit = listEditSchema.safeParse(intent);
  if (!edit.success) return { status: 'error', message: 'That button is not known. Reload the page and try again.', values };
  return { status: 'idle', values: applyListEdit(values, edit.data) };
}

function applyTags(tags: string[]) {
  invalidatePublicRoles(tags);
}

function conflictMessage(current: { editorName: string | null; editedAt: string }) {
  return `This role was changed by ${current.editorName ?? 'someone else'} at ${formatEditTime(current.editedAt)}`;
}

/** The DAL's answer as the form's state, for everything but a successful save. */
function unsavedState(result: Exclude<RoleMutationResult, { status: 'saved' }>, values: RoleFormValues): FormState {
  switch (result.status) {
    case 'invalid':
      return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors: result.fieldErrors, values };
    case 'not-found':
      return { status: 'error', message: 'This role no longer exists.', values };
    case 'conflict':
      return {
        status: 'conflict',
        message: conflictMessage(result.current),
        // The form now carries the current version, so saving again applies the editor's values on top.
        values: { ...values, version: String(result.current.version) },
        detail: { theirs: toFormValues(result.current), yours: values },
      };
  }
}

const roleFormOptions = {
  role: 'editor',
  schema: roleSubmissionSchema,
  toInput: toRoleSubmission,
  valuesOf: (input: unknown) => (input as ReturnType<typeof toRoleSubmission>).values,
} as const;

export const createRoleAction = authenticatedAction(
  roleFormOptions,
  async ({ intent, values }, { claims }) => {
    if (intent !== 'save') return editLists(intent, values);
    const parsed = newRoleFormSchema.safeParse(values);
    if (!parsed.success) {
      return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values };
    }
    const result = await createRole(claims, parsed.data);
    if (result.status !== 'saved') return unsavedState(result, values);
    applyTags(result.tags);
    redirect(`/admin/roles/${result.role.slug}?saved=1`);
  },
);

export const updateRoleAction = authenticatedAction(
  roleFormOptions,
  async ({ intent, roleId, loadedSlug, values }, { claims }) => {
    if (intent !== 'save') return editLists(intent, values);
    if (roleId === undefined) return { status: 'error', message: 'Reload the page and try again.', values };
    const parsed = roleFormSchema.safeParse(values);
    if (!parsed.success) {
      return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values };
    }
    const { version, content, stats } = parsed.data;
    const result = await updateRole(claims, { roleId, expectedVersion: version, content, stats });
    if (result.status !== 'saved') return unsavedState(result, values);
    applyTags(result.tags);
    // A new slug means a new address for the edit page too.
    if (loadedSlug !== undefined && result.role.slug !== loadedSlug) redirect(`/admin/roles/${result.role.slug}?saved=1`);
    return { status: 'saved', message: 'Saved', values: toFormValues({ version: result.role.version, content, stats }) };
  },
);

const statusChangeSchema = z.object({ roleId: id, version: id });

function statusChangeState(result: RoleMutationResult, savedMessage: string): FormState {
  if (result.status === 'saved') {
    applyTags(result.tags);
    if (result.tags.length === 0) refresh();
    return { status: 'saved', message: savedMessage };
  }
  // The page shows the other editor's change once it re-renders; the editor can then try again.
  refresh();
  if (result.status === 'conflict') return { status: 'conflict', message: `${conflictMessage(result.current)}. Check the page and try again.` };
  return { status: 'error', message: result.status === 'not-found' ? 'This role or version no longer exists.' : 'Nothing was changed.' };
}

export const archiveRoleAction = authenticatedAction({ role: 'editor', schema: statusChangeSchema }, async ({ roleId, version }, { claims }) =>
  statusChangeState(await archiveRole(claims, { roleId, expectedVersion: version }), 'Archived: the role is no longer on the public site.'),
);

export const restoreRoleAction = authenticatedAction({ role: 'editor', schema: statusChangeSchema }, async ({ roleId, version }, { claims }) =>
  statusChangeState(await restoreRole(claims, { roleId, expectedVersion: version }), 'Restored: the role is on the public site again.'),
);

export const revertRoleStatsAction = authenticatedAction(
  { role: 'editor', schema: statusChangeSchema.extend({ historyId: id }) },
  async ({ roleId, version, historyId }, { claims }) =>
    statusChangeState(await revertRoleStats(claims, { roleId, historyId, expectedVersion: version }), 'Reverted: these figures are current again.'),
);
