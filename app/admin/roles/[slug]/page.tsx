// Editing one role: its figures and content in one form, plus archive/restore.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { archiveRoleAction, restoreRoleAction, updateRoleAction } from '@/app/admin/roles/actions';
import { RoleChangeButton } from '@/components/admin/role-change-button';
import { EditTime } from '@/components/admin/edit-time';
import { RoleForm } from '@/components/admin/role-form';
import { getRoleForEdit } from '@/db/role-edits';
import { listCategories } from '@/db/role-reads';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatLastEditor } from '@/lib/domain/format';
import { roleToFormValues } from '@/lib/role-form';
import { slugFormatSchema } from '@/lib/slug';
import { BackLink } from '@/components/admin/back-link';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const searchSchema = z.object({ saved: z.literal('1').optional().catch(undefined) });

/** The role the address names, read for the signed-in editor; a 404 for a bad or unknown slug. */
async function getRoleToEditOrNotFound(params: Props['params']) {
  const slug = slugFormatSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  return (await readOrSignIn(`/admin/roles/${slug.data}`, (claims) => getRoleForEdit(claims, { slug: slug.data }))) ?? notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugFormatSchema.safeParse((await params).slug);
  return { title: slug.success ? `Edit ${slug.data}` : 'Role not found' };
}

export default async function EditRolePage({ params, searchParams }: Props) {
  const role = await getRoleToEditOrNotFound(params);
  const { saved } = searchSchema.parse(await searchParams);
  const categories = await listCategories();
  const published = role.status === 'published';
  const changeFields = { roleId: role.id, version: role.version };
  return (
    <div className="stack">
      <BackLink href="/admin">← All roles</BackLink>
      <div className="ends-apart role-admin__heading">
        <h1>{role.content.title}</h1>
        <span className="badge">{published ? 'Published' : 'Archived'}</span>
      </div>
      <p className="hint">
        Version {role.version}, last changed by {formatLastEditor(role.lastEdit, { commandLineImport: 'a command-line import', seed: 'the seed data' })} at <EditTime at={role.lastEdit.editedAt} />.{' '}
        <Link href={`/admin/roles/${role.slug}/history`}>History of the figures</Link>
        {published && (
          <>
            {' · '}
            <Link href={`/roles/${role.slug}`}>Public page</Link>
          </>
        )}
      </p>
      <RoleForm
        // Archive and restore bump the version: start the form afresh from the saved values then.
        key={role.status}
        action={updateRoleAction}
        initialValues={roleToFormValues(role)}
        categories={categories}
        roleId={role.id}
        loadedSlug={role.slug}
        savedOnArrival={saved === '1'}
      />
      {/* Archiving takes two steps, with or without JavaScript: open this, then press Archive. An
          archived role's Restore is shown at once. One position for both buttons, so the outcome
          message survives the switch. */}
      <details className="role-publication" open={!published}>
        <summary>{published ? 'Archive this role…' : 'Restore this role'}</summary>
        <p>
          {published
            ? 'Archiving takes the role off the public site, the API and embedded cards at once. Nothing is deleted: you can restore it here.'
            : 'This role is archived: it is not on the public site, in the API or in embedded cards. Restoring publishes it again as it is.'}
        </p>
        <RoleChangeButton
          action={published ? archiveRoleAction : restoreRoleAction}
          fields={changeFields}
          label={published ? 'Archive' : 'Restore'}
          pendingLabel={published ? 'Archiving…' : 'Restoring…'}
          danger={published}
        />
      </details>
    </div>
  );
}
