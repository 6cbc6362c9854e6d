import type { Metadata } from 'next';
import { createRoleAction } from '@/app/admin/roles/actions';
import { RoleForm } from '@/components/admin/role-form';
import { listCategories } from '@/db/role-reads';
import { emptyRoleFormValues } from '@/lib/role-form';
import { BackLink } from '@/components/admin/back-link';

export const metadata: Metadata = { title: 'New role' };

export default async function NewRolePage() {
  const categories = await listCategories();
  return (
    <div className="stack">
      <BackLink href="/admin">← All roles</BackLink>
      <h1>New role</h1>
      <p className="hint">The role is published as soon as it is saved. Archive it from its edit page to take it down again.</p>
      <RoleForm action={createRoleAction} initialValues={emptyRoleFormValues} categories={categories} />
    </div>
  );
}
