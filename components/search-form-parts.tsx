// What the role search and the job search forms share: the query box with its button, and the
// filters in a disclosure that says how many are set, with their own Apply button.
import type { ReactNode } from 'react';

export function SearchQuery({ label, defaultValue, maxLength, placeholder }: { label: string; defaultValue: string | undefined; maxLength: number; placeholder: string }) {
  return (
    <div className="field">
      <label htmlFor="q">{label}</label>
      <div className="search-form__query">
        <input id="q" name="q" type="search" defaultValue={defaultValue} maxLength={maxLength} placeholder={placeholder} />
        <button type="submit">Search</button>
      </div>
    </div>
  );
}

export function SearchFilters({ active, children }: { active: number; children: ReactNode }) {
  return (
    <details className="filters">
      <summary>{active > 0 ? `Filters (${active})` : 'Filters'}</summary>
      <div className="filters__fields">
        {children}
        <div className="filters__actions">
          <button type="submit" className="button-secondary">
            Apply
          </button>
        </div>
      </div>
    </details>
  );
}
