// The job search's form: a plain GET form like the role listing's, so it works without JavaScript
// and every search is a shareable URL. The search box is always in view; the filters and the sort
// are a disclosure on a phone (app/globals.css shows them open on wider screens).
import { ChoiceField } from '@/components/choice-field';
import { LabelledInput } from '@/components/labelled-input';
import { StateField } from '@/components/state-field';
import { educationAskedLevels, MAX_JOB_QUERY_LENGTH, postedWithinDays, type JobSearch } from '@/lib/jobs/job-search';
import { MinimumPayField, SearchFilters, SearchQuery } from '@/components/search-form-parts';

const postedWithinLabels: Record<(typeof postedWithinDays)[number], string> = {
  1: 'The last day',
  7: 'The last 7 days',
  30: 'The last 30 days',
  90: 'The last 90 days',
  365: 'The last year',
};

const remoteChoices = [
  { value: 'true', label: 'Remote only' },
  { value: 'false', label: 'On site only' },
];
const educationChoices = educationAskedLevels.map((level) => ({ value: level.slug, label: level.label }));
const postedWithinChoices = postedWithinDays.map((days) => ({ value: String(days), label: postedWithinLabels[days] }));
const sortChoices = [{ value: 'pay', label: 'Best paid first' }];

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
        <LabelledInput id="city" label="City" name="city" type="text" defaultValue={search.city} maxLength={100} autoComplete="address-level2" />
        <ChoiceField id="remote" label="Remote" emptyLabel="Remote or on site" choices={remoteChoices} selected={search.remote === undefined ? undefined : String(search.remote)} />
        <MinimumPayField id="minPay" label="Pays at least (USD a year)" value={search.minPay} hint="The top of the advertised range, made yearly" />
        <ChoiceField
          id="maxEducation"
          label="Education asked (at most)"
          emptyLabel="Any, or not stated"
          choices={educationChoices}
          selected={search.maxEducation}
          hint="A level leaves out postings that do not say"
        />
        <ChoiceField
          id="postedWithin"
          label="Posted within"
          emptyLabel="Any time"
          choices={postedWithinChoices}
          selected={search.postedWithin === undefined ? undefined : String(search.postedWithin)}
        />
        <ChoiceField id="sort" label="Sort by" emptyLabel="Newest first" choices={sortChoices} selected={search.sort === 'pay' ? 'pay' : undefined} />
      </SearchFilters>
    </form>
  );
}
