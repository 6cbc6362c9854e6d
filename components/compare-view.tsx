import Link from 'next/link';
import type { RoleDetail } from '@/db/roles';
import { compareHref, MAX_COMPARED_ROLES } from '@/lib/compare';
import { MAX_QUERY_LENGTH } from '@/lib/role-search';
import { CompareBars } from './charts/compare-bars';
import { CompareTable } from './compare-table';

/**
 * The compare page: the roles side by side and a plain GET form that adds one by name. `choices`
 * are the roles an ambiguous name could mean (an empty list: none matched).
 */
export function CompareView({
  roles,
  notices = [],
  addText,
  choices,
}: {
  roles: RoleDetail[];
  notices?: string[];
  addText?: string;
  choices?: { slug: string; title: string }[];
}) {
  const slugs = roles.map((role) => role.slug);
  return (
    <>
      <h1>Compare roles</h1>
      <p className="lede">Average salary, job openings, degree requirement and salary range, side by side.</p>
      {notices.length > 0 && (
        <div className="notice" role="status">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}

      {roles.length > 0 ? (
        <>
          <CompareTable roles={roles} />
          <CompareBars roles={roles} />
        </>
      ) : (
        <p>
          Choose roles to compare: add them by name below, or use “Compare” next to a similar role on any role page.{' '}
          <Link href="/">Browse all roles</Link>.
        </p>
      )}

      {roles.length < MAX_COMPARED_ROLES && (
        <section aria-labelledby="add-role" className="compare-add">
          <h2 id="add-role">Add a role</h2>
          <form action="/compare" method="get" className="search-form">
            {slugs.length > 0 && <input type="hidden" name="roles" value={slugs.join(',')} />}
            <div className="field field--wide">
              <label htmlFor="add">Role name</label>
              <input id="add" name="add" type="search" required maxLength={MAX_QUERY_LENGTH} defaultValue={addText} placeholder="e.g. data scientist" />
            </div>
            <div className="search-form__actions">
              <button type="submit">Add to comparison</button>
            </div>
          </form>
          {choices?.length === 0 && <p role="status">No role matches “{addText}”. Try another name.</p>}
          {choices && choices.length > 1 && (
            <>
              <p role="status">Several roles match “{addText}”. Choose one:</p>
              <ul className="compare-choices">
                {choices.map((choice) => (
                  <li key={choice.slug}>
                    <Link href={compareHref([...slugs, choice.slug])}>Add {choice.title}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
