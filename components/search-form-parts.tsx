// What the role search and the job search forms share: the query box with its button, the
// filters in a disclosure that says how many are set, with their own Apply button, and the
// minimum pay filter.
import type { ReactNode } from 'react';
import { LabelledInput } from './labelled-input';

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

/** A yearly amount in whole dollars, stepped by a thousand: the role search's minimum salary, the job search's minimum pay. */
export function MinimumPayField({ id, label, value, hint }: { id: string; label: string; value: number | undefined; hint?: string }) {
  return (
    <LabelledInput id={id} label={label} name={id} type="number" inputMode="numeric" min={0} step={1000} defaultValue={value} aria-describedby={hint ? `${id}-hint` : undefined}>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </LabelledInput>
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
