import Link from 'next/link';
import type { RoleDetail, RoleListItem } from '@/db/role-reads';
import { addFromListingHref, compareHref, MAX_COMPARED_ROLES } from '@/lib/server/compare';
import { formatAverageSalary } from '@/lib/domain/format';
import { MAX_QUERY_LENGTH } from '@/lib/role-search';
import type { UsState } from '@/lib/us-states';
import { CompareBars } from './charts/compare-bars';
import { CompareFigures } from './compare-figures';
import { StateField } from './state-field';
import './compare.css';

/**
 * The compare page: the roles' figures and the bars that state their differences, then three ways
 * to add one (a similar role, the listing in pick mode, a plain GET form that finds one by name). `suggestions` are
 * similar roles not yet compared; `choices` the roles an ambiguous name could mean (an empty
 * list: none matched). In a `state`, the roles' figures are already the state's (compareInState).
 */
export function CompareView({
  roles,
  notices = [],
  suggestions = [],
  addText,
  choices,
  state,
  withoutEstimate,
}: {
  roles: RoleDetail[];
  notices?: string[];
  suggestions?: RoleListItem[];
  addText?: string;
  choices?: { slug: string; title: string }[];
  state?: UsState;
  /** In a state, the slugs of the roles BLS has no estimate for there. */
  withoutEstimate?: string[];
}) {
  const slugs = roles.map((role) => role.slug);
  const full = roles.length >= MAX_COMPARED_ROLES;
  return (
    <>
      <h1>{state ? `Compare roles in ${state.name}` : 'Compare roles'}</h1>
      <p className="lede">
        {state
          ? `Average salary, salary range and employment in ${state.name}, with the national job openings and typical education, side by side.`
          : 'Average salary, job openings, typical education and salary range, side by side.'}
      </p>
      {notices.length > 0 && (
        <div className="notice" role="status">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}

      {roles.length > 0 ? (
        <>
          <CompareFigures roles={roles} state={state} withoutEstimate={withoutEstimate} />
          <CompareBars roles={roles} state={state} />
          <form action="/compare" method="get" className="state-picker" aria-label="Compare in a state">
            <input type="hidden" name="roles" value={slugs.join(',')} />
            <StateField id="compare-state" selected={state} label="Compare in" />
            <button type="submit">Compare</button>
          </form>
        </>
      ) : (
        <p>
          Choose roles to compare: add them by name below, or use “Compare” next to a similar role on any role page.{' '}
          <Link href="/">Browse all roles</Link>.
        </p>
      )}

      <section aria-labelledby="add-role" className="compare-add">
        <h2 id="add-role">Add a role</h2>
        {full ? (
          <p>You are comparing {MAX_COMPARED_ROLES} roles, the most at once. Remove one to add another.</p>
        ) : (
          <>
            {suggestions.length > 0 && (
              <>
                <h3 id="suggested-roles">Similar roles</h3>
                <ul className="compare-suggestions" aria-labelledby="suggested-roles">
                  {suggestions.map((suggestion) => (
                    <li key={suggestion.slug}>
                      <Link href={compareHref([...slugs, suggestion.slug], state)}>Add {suggestion.title}</Link>
                      <span className="compare-suggestions__detail">
                        {suggestion.categoryName} ·{' '}
                        {suggestion.averageSalary === null ? 'no annual wage published' : `${formatAverageSalary(suggestion.averageSalary, suggestion.currency)} average${state ? ' (U.S.)' : ''}`}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {slugs.length > 0 && (
              <p>
                <Link href={addFromListingHref(slugs, state)}>Browse roles to add</Link>
              </p>
            )}
            <form action="/compare" method="get" className="search-form">
              {slugs.length > 0 && <input type="hidden" name="roles" value={slugs.join(',')} />}
              {state && <input type="hidden" name="state" value={state.slug} />}
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
                <ul className="compare-choices" aria-label={`Roles matching “${addText}”`}>
                  {choices.map((choice) => (
                    <li key={choice.slug}>
                      <Link href={compareHref([...slugs, choice.slug], state)}>Add {choice.title}</Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}
