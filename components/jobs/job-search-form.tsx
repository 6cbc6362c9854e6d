// The job search's form: a plain GET form like the role listing's, so it works without JavaScript
// and every search is a shareable URL. The search box is always in view; the filters and the sort
// are a disclosure on a phone (app/globals.css shows them open on wider screens).
import { StateField } from '@/components/state-field';
import { educationAskedLevels, MAX_JOB_QUERY_LENGTH, postedWithinDays, type JobSearch } from '@/lib/jobs/job-search';
import { SearchFilters, SearchQuery } from '@/components/search-form-parts';

const postedWithinLabels: Record<(typeof postedWithinDays)[number], string> = {
  1: 'The last day',
  7: 'The last 7 days',
  30: 'The last 30 days',
  90: 'The last 90 days',
  365: 'The last year',
};

function countActiveFilters(search: JobSearch) {
  return [search.state, search.city, search.remote, search.minPay, search.maxEducation, search.postedWithin, search.sort].filter((value) => value !== undefined).length;
}

/** `action`: where the form searches; `fixedOccupation` pages (a role's postings) send no occupation. */
export function JobSearchForm({ search, action, fixedOccupation = false }: { search: JobSearch; action: string; fixedOccupation?: boolean }) {
  const active = countActiveFilters(search);
  return (
    <form action={action} method="get" role="search" aria-label="Find job postings" className="search-form">
      {search.occupation && !fixedOccupation && <input type="hidden" name="occupation" value={search.occupation} />}
      <SearchQuery label="Search postings" defaultValue={search.q} maxLength={MAX_JOB_QUERY_LENGTH} placeholder="e.g. analyst, data, nurse" />
      <SearchFilters active={active}>
        <StateField selected={search.state} />
        <div className="field">
          <label htmlFor="city">City</label>
          <input id="city" name="city" type="text" defaultValue={search.city} maxLength={100} autoComplete="address-level2" />
        </div>
        <div className="field">
          <label htmlFor="remote">Remote</label>
          <select id="remote" name="remote" defaultValue={search.remote === undefined ? '' : String(search.remote)}>
            <option value="">Remote or on site</option>
            <option value="true">Remote only</option>
            <option value="false">On site only</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="minPay">Pays at least (USD a year)</label>
          <input id="minPay" name="minPay" type="number" inputMode="numeric" min={0} step={1000} defaultValue={search.minPay} aria-describedby="minPay-hint" />
          <p id="minPay-hint" className="field__hint">
            The top of the advertised range, made yearly
          </p>
        </div>
        <div className="field">
          <label htmlFor="maxEducation">Education asked (at most)</label>
          <select id="maxEducation" name="maxEducation" defaultValue={search.maxEducation ?? ''} aria-describedby="maxEducation-hint">
            <option value="">Any, or not stated</option>
            {educationAskedLevels.map((level) => (
              <option key={level.slug} value={level.slug}>
                {level.label}
              </option>
            ))}
          </select>
          <p id="maxEducation-hint" className="field__hint">
            A level leaves out postings that do not say
          </p>
        </div>
        <div className="field">
          <label htmlFor="postedWithin">Posted within</label>
          <select id="postedWithin" name="postedWithin" defaultValue={search.postedWithin ?? ''}>
            <option value="">Any time</option>
            {postedWithinDays.map((days) => (
              <option key={days} value={days}>
                {postedWithinLabels[days]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={search.sort === 'pay' ? 'pay' : ''}>
            <option value="">Newest first</option>
            <option value="pay">Best paid first</option>
          </select>
        </div>
      </SearchFilters>
    </form>
  );
}
