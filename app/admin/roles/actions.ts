'use server';
// Role editing. Each action goes through authenticatedAction (session row, user and role),
// hands the claims to the DAL (which checks them again), and invalidates exactly the cache tags
// the change touched, so the public pages show it on the very next request.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formatEditTime, formatLastEditor } from '@/lib/domain/format';
import { archiveRole, createRole, restoreRole, revertRoleStats, updateRole, type RoleConflict, type RoleMutationResult } from '@/db/role-edits';
import { authenticatedAction } from '@/lib/server/authenticated-action';
import { invalidatePublicRoles } from '@/lib/server/cached-public-reads';
import { rejectedState, type FormState } from '@/lib/form-state';
import { mergeRoleEdit, type RoleConflictDetail } from '@/lib/role-merge';
import { applyListEdit, formBase, roleToFormValues, type ListEdit, type RoleFormValues } from '@/lib/role-form';
import { newRoleSubmissionSchema, roleBaseSchema, roleUpdateSubmissionSchema, toRoleSubmission, typedValuesOf, type RoleBase } from '@/lib/role-form-submission';
import type { RoleValues } from '@/lib/role-schemas';

type RoleFormState = FormState<RoleFormValues, RoleConflictDetail>;

const id = z.coerce.number().int().positive();

/** Add/remove/move a list row: the form comes back edited and nothing is saved. */
function editLists(edit: ListEdit | null, values: RoleFormValues): RoleFormState {
  if (!edit) return { status: 'error', message: 'That button is not known. Reload the page and try again.', values };
  return { status: 'idle', values: applyListEdit(values, edit) };
}

function applyTags(tags: string[]) {
  invalidatePublicRoles(tags);
}

function conflictMessage(current: { editorName: string | null; editedAt: string; action: string | null }) {
  const editor = formatLastEditor(current, { commandLineImport: 'a command-line import', seed: 'someone else' });
  return `This role was changed by ${editor} at ${formatEditTime(current.editedAt)}`;
}

/** The DAL's refusal as the form's state; a conflict has its own (conflictState). */
function refusedState(result: Extract<RoleMutationResult, { status: 'invalid' | 'refused' | 'not-found' }>, values: RoleFormValues): RoleFormState {
  switch (result.status) {
    case 'invalid':
    case 'refused':
      return rejectedState(result, values);
    case 'not-found':
      return { status: 'error', message: 'This role no longer exists.', values };
  }
}

/**
 * Someone else saved since this form was loaded. The form comes back with their values and only
 * this editor's own changes on top, at their version and with their values as its new base:
 * saving again writes exactly that, and reverts nothing this editor did not touch.
 */
function conflictState(current: RoleConflict['current'], base: RoleBase, yours: RoleValues, editNote: string): RoleFormState {
  const theirs = { content: current.content, stats: current.stats };
  const { values, changedByYou, changedByThem } = mergeRoleEdit({ base, yours, theirs });
  const detail: RoleConflictDetail = {
    theirs: roleToFormValues(current),
    yours: roleToFormValues({ version: current.version, ...yours }),
    changedByYou,
    changedByThem,
  };
  return {
    status: 'conflict',
    message: conflictMessage(current),
    // The note stays too: saving again still changes figures, and needs to say where they come from.
    values: { ...roleToFormValues({ version: current.version, ...values }), base: formBase(theirs), editNote },
    detail,
  };
}

/** Both role forms: read as typed, shown again as typed; the wrapper parses the submission. */
const roleFormOptions = { role: 'editor', toInput: toRoleSubmission, valuesOf: typedValuesOf } as const;

export const createRoleAction = authenticatedAction(
  { ...roleFormOptions, schema: newRoleSubmissionSchema },
  async (submission, { claims, values }): Promise<RoleFormState> => {
    if (submission.kind === 'list-edit') return editLists(submission.intent, values);
    const result = await createRole(claims, submission);
    if (result.status !== 'saved') return refusedState(result, values);
    applyTags(result.tags);
    redirect(`/admin/roles/${result.role.slug}?saved=1`);
  },
);

export const updateRoleAction = authenticatedAction(
  { ...roleFormOptions, schema: roleUpdateSubmissionSchema },
  async (submission, { claims, values }): Promise<RoleFormState> => {
    if (submission.kind === 'list-edit') return editLists(submission.intent, values);
    const { roleId, loadedSlug, version, content, stats, editNote } = submission;
    const base = roleBaseSchema.safeParse(submission.base);
    if (roleId === undefined || !base.success) return { status: 'error', message: 'Reload the page and try again.', values };
    const result = await updateRole(claims, { roleId, expectedVersion: version, content, stats, editNote });
    if (result.status === 'conflict') return conflictState(result.current, base.data, { content, stats }, editNote);
    if (result.status === 'unchanged') {
      const message = 'Nothing to save: the role already has these values.';
      return { status: 'saved', message, values: roleToFormValues({ version: result.role.version, content, stats }) };
    }
    if (result.status !== 'saved') return refusedState(result, values);
    applyTags(result.tags);
    // A new slug means a new address for the edit page too.
    if (loadedSlug !== undefined && result.role.slug !== loadedSlug) redirect(`/admin/roles/${result.role.slug}?saved=1`);
    return { status: 'saved', message: 'Saved', values: roleToFormValues({ version: result.role.version, content, stats }) };
  },
);

const statusChangeSchema = z.object({ roleId: id, version: id });

/** What the editor is told: only what this request did, or why it did nothing. */
function statusChangeState(result: RoleMutationResult, messages: { changed: string; unchanged: string }): FormState {
  switch (result.status) {
    case 'saved':
      applyTags(result.tags);
      return { status: 'saved', message: messages.changed };
    case 'unchanged':
      return { status: 'saved', message: messages.unchanged };
    case 'conflict':
      // The page shows the other editor's change once it re-renders; the editor can then try again.
      refresh();
      return { status: 'conflict', message: `${conflictMessage(result.current)}, so nothing was changed. Check the page and try again.` };
    case 'not-found':
      refresh();
      return { status: 'error', message: 'This role or version no longer exists.' };
    case 'invalid':
    case 'refused':
      return { status: 'error', message: 'Nothing was changed.' };
  }
}

export const archiveRoleAction = authenticatedAction({ role: 'editor', schema: statusChangeSchema }, async ({ roleId, version }, { claims }) =>
  statusChangeState(await archiveRole(claims, { roleId, expectedVersion: version }), {
    changed: 'Archived: the role is no longer on the public site.',
    unchanged: 'Already archived: nothing changed.',
  }),
);

export const restoreRoleAction = authenticatedAction({ role: 'editor', schema: statusChangeSchema }, async ({ roleId, version }, { claims }) =>
  statusChangeState(await restoreRole(claims, { roleId, expectedVersion: version }), {
    changed: 'Restored: the role is on the public site again.',
    unchanged: 'Already published: nothing changed.',
  }),
);

export const revertRoleStatsAction = authenticatedAction(
  { role: 'editor', schema: statusChangeSchema.extend({ historyId: id }) },
  async ({ roleId, version, historyId }, { claims }) =>
    statusChangeState(await revertRoleStats(claims, { roleId, historyId, expectedVersion: version }), {
      changed: 'Reverted: these figures are current again.',
      unchanged: 'These figures are already current: nothing changed.',
    }),
);
