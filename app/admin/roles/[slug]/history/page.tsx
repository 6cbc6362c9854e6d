// A role's figures over time, newest first. Reverting makes an old version current again as a
// new change; the rows below are never rewritten.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { revertRoleStatsAction } from '@/app/admin/roles/actions';
import { RoleChangeButton } from '@/components/admin/role-change-button';
import { EditTime } from '@/components/admin/edit-time';
import { RoleSalarySparkline } from '@/components/admin/role-salary-sparkline';
import { getRoleHistory } from '@/db/role-edits';
import { readOrSignIn } from '@/lib/server/admin-read';
import { formatAsOf, formatPercentile } from '@/lib/domain/format';
import { RoleStatsCells } from '@/components/admin/role-stats-cells';
import { slugFormatSchema } from '@/lib/slug';
import { TableScroll } from '@/components/table-scroll';
import { ColumnHeadings } from '@/components/column-headings';
import { BackLink } from '@/components/admin/back-link';

type Props = { params: Promise<{ slug: string }> };

async function loadHistory(params: Props['params']) {
  const slug = slugFormatSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  return (await readOrSignIn(`/admin/roles/${slug.data}/history`, (claims) => getRoleHistory(claims, { slug: slug.data }))) ?? notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugFormatSchema.safeParse((await params).slug);
  return { title: slug.success ? `History of ${slug.data}` : 'Role not found' };
}

export default async function RoleHistoryPage({ params }: Props) {
  const { role, entries } = await loadHistory(params);
  return (
    <div className="stack">
      <BackLink href={`/admin/roles/${role.slug}`}>← Edit {role.title}</BackLink>
      <h1>History of {role.title}</h1>
      <p className="hint">
        Every change of the figures, newest first. Reverting makes an earlier version current again as a new change; nothing here is
        ever rewritten.
      </p>
      {entries.length > 1 && (
        <figure className="role-history__chart">
          <RoleSalarySparkline points={[...entries].reverse().flatMap((entry) => (entry.averageSalary === null ? [] : [entry.averageSalary]))} />
          <figcaption className="hint">Average salary over the last {entries.length} changes, oldest to newest.</figcaption>
        </figure>
      )}
      <TableScroll label={`Figures of ${role.title} over time`}>
        <table className="data-table admin-history">
          <caption className="visually-hidden">Figures of {role.title} over time</caption>
          <ColumnHeadings
            columns={[
              'Changed',
              { label: 'Average salary', number: true },
              { label: 'Job openings', number: true },
              { label: 'Degree requirement', number: true },
              { label: 'Median', number: true },
              'As of',
              'Source',
              { label: <span className="visually-hidden">Revert</span> },
            ]}
          />
          <tbody>
            {entries.map((entry, index) => (
              <tr key={entry.id}>
                <th scope="row">
                  <span className="nowrap">
                    <EditTime at={entry.changedAt} />
                  </span>
                  <br />
                  <span className="hint">
                    Version {entry.roleVersion}, by {entry.changedByName ?? 'the seed data or a command-line import'}
                  </span>
                </th>
                <RoleStatsCells stats={entry} className="number nowrap" />
                <td className="number nowrap">{entry.percentiles ? formatPercentile(entry.percentiles, 'median', entry.currency) : '—'}</td>
                <td className="nowrap">{formatAsOf(entry.asOf)}</td>
                <td className="prose-cell">{entry.source}</td>
                <td>
                  {index === 0 ? (
                    <span className="badge">Current</span>
                  ) : (
                    <RoleChangeButton
                      action={revertRoleStatsAction}
                      fields={{ roleId: role.id, version: role.version, historyId: entry.id }}
                      label="Revert to this version"
                      pendingLabel="Reverting…"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
