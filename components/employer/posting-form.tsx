'use client';
// The employer's posting form (issue 22): a plain form posting to its Server Action, so it works
// without JavaScript. What was typed comes back with the errors, each beside its field; a save
// over a newer version comes back as a conflict with the current posting, nothing overwritten.
// "Save draft" keeps it; "Publish" sends it out (or to an editor, for a new employer).
import Link from 'next/link';
import { useActionState, useRef, useState } from 'react';
import { SubmitButton } from '@/components/admin/submit-button';
import { ChoiceOptions, type Choice } from '@/components/choice-field';
import { idleState, type FormAction } from '@/lib/form-state';

export type PostingFormValues = {
  id?: number;
  version?: number;
  title: string;
  roleSlug: string;
  places: string;
  remote: boolean;
  payMin: string;
  payMax: string;
  payPeriod: string;
  employmentType: string;
  educationAsked: string;
  description: string;
  applyTo: string;
  closesOn: string;
};

type Field = Exclude<keyof PostingFormValues, 'id' | 'version'>;
/** The action's answer can name the posting this one would duplicate. */
export type PostingFormAction = FormAction<Record<string, unknown>, { duplicateOf: number }>;

type Suggestion = { slug: string; title: string; evidence: string };

/** The occupations the title reads as, asked of the server a moment after typing stops. */
function useOccupationSuggestions() {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const occupationInput = useRef<HTMLInputElement>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  const suggestFor = (title: string) => {
    clearTimeout(pending.current);
    pending.current = setTimeout(async () => {
      const asked = ++latest.current;
      if (title.trim().length < 3) return setSuggestions([]);
      try {
        const response = await fetch(`/employer/suggestions?title=${encodeURIComponent(title)}`);
        // Only the answer for the title as it is now: an earlier, slower one is dropped.
        if (response.ok && asked === latest.current) setSuggestions(((await response.json()) as { suggestions: Suggestion[] }).suggestions);
      } catch {
        // Offline or signed out meanwhile: no suggestion, and the save still suggests one.
      }
    }, 400);
  };
  return { suggestions, suggestFor, occupationInput };
}

export function PostingForm({
  action,
  initial,
  occupations,
  payPeriods,
  employmentTypes,
  educationLevels,
  today,
  latestClosingDay,
  publishLabel,
}: {
  action: PostingFormAction;
  initial: PostingFormValues;
  occupations: Choice[];
  payPeriods: Choice[];
  employmentTypes: Choice[];
  educationLevels: Choice[];
  today: string;
  latestClosingDay: string;
  publishLabel: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  const { suggestions, suggestFor, occupationInput } = useOccupationSuggestions();
  const typed = state.status === 'error' || state.status === 'conflict' ? (state.values ?? {}) : {};
  const valueOf = (field: Field) => {
    const value = typed[field];
    if (typeof value === 'string') return value;
    return field === 'remote' ? (typed.remote === undefined ? initial.remote : false) : initial[field];
  };
  const errorOf = (field: Field) => state.fieldErrors?.[field]?.[0];
  const wiring = (field: Field, hint = false) => {
    const id = `posting-${field}`;
    const describedBy = [hint ? `${id}-hint` : null, errorOf(field) ? `${id}-error` : null].filter(Boolean).join(' ');
    return { id, name: field, 'aria-invalid': errorOf(field) ? (true as const) : undefined, 'aria-describedby': describedBy || undefined };
  };
  const error = (field: Field) =>
    errorOf(field) ? (
      <p className="field-error" id={`posting-${field}-error`}>
        {errorOf(field)}
      </p>
    ) : null;
  const select = (field: Field, choices: Choice[]) => (
    <select key={String(valueOf(field))} defaultValue={String(valueOf(field))} {...wiring(field)}>
      <ChoiceOptions choices={choices} />
    </select>
  );
  // After a conflict the form saves over the version it was shown, once the member has looked.
  const version = state.status === 'conflict' && typeof state.values?.currentVersion === 'string' ? state.values.currentVersion : initial.version;

  return (
    <form action={formAction} className="stack posting-form" noValidate>
      {initial.id !== undefined && <input type="hidden" name="id" value={initial.id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {state.status === 'error' && state.message && (
        <p className="notice notice--error" role="alert">
          {state.message}
          {state.detail && (
            <>
              {' '}
              <Link href={`/employer/postings/${state.detail.duplicateOf}`}>Open that posting</Link>.
            </>
          )}
        </p>
      )}
      {state.status === 'conflict' && (
        <p className="notice notice--error" role="alert">
          {state.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="posting-title">Job title</label>
        <input type="text" defaultValue={String(valueOf('title'))} maxLength={200} onChange={(event) => suggestFor(event.currentTarget.value)} {...wiring('title')} />
        {error('title')}
      </div>
      <div className="field">
        <label htmlFor="posting-roleSlug">Occupation</label>
        <input type="text" list="posting-occupations" ref={occupationInput} defaultValue={String(valueOf('roleSlug'))} {...wiring('roleSlug', true)} />
        {/* Filled while the title is typed (with JavaScript); without it, the first save suggests one. */}
        <p className="occupation-suggestions" aria-live="polite">
          {suggestions.length > 0 && (
            <>
              Suggested from the title:{' '}
              {suggestions.map((suggestion) => (
                <button
                  key={suggestion.slug}
                  type="button"
                  className="button--link"
                  title={suggestion.evidence}
                  onClick={() => {
                    if (occupationInput.current) occupationInput.current.value = suggestion.slug;
                  }}
                >
                  {suggestion.title}
                </button>
              ))}
            </>
          )}
        </p>
        <datalist id="posting-occupations">
          <ChoiceOptions choices={occupations} />
        </datalist>
        <p className="hint" id="posting-roleSlug-hint">
          The occupation’s role slug, as on its page (/roles/registered-nurses). Leave it empty and save: Roleboard suggests one from the title, which you can change.
        </p>
        {error('roleSlug')}
      </div>
      <fieldset className="field">
        <legend>Where</legend>
        <label htmlFor="posting-places">Places, one a line</label>
        <textarea rows={3} defaultValue={String(valueOf('places'))} {...wiring('places', true)} />
        <p className="hint" id="posting-places-hint">
          City and U.S. state, like “Denver, CO”.
        </p>
        {error('places')}
        <div className="checkbox-field">
          <input type="checkbox" id="posting-remote" name="remote" defaultChecked={Boolean(valueOf('remote'))} />
          <label htmlFor="posting-remote">Remote (the places above, if any, are where remote workers may live)</label>
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>Pay range</legend>
        <p className="hint" id="posting-pay-hint">
          Required: several states’ pay transparency laws ask every posting for its range.
        </p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="posting-payMin">From ($)</label>
            <input type="text" inputMode="decimal" defaultValue={String(valueOf('payMin'))} {...wiring('payMin')} />
            {error('payMin')}
          </div>
          <div className="field">
            <label htmlFor="posting-payMax">To ($)</label>
            <input type="text" inputMode="decimal" defaultValue={String(valueOf('payMax'))} {...wiring('payMax')} />
            {error('payMax')}
          </div>
          <div className="field">
            <label htmlFor="posting-payPeriod">Per</label>
            {select('payPeriod', payPeriods)}
            {error('payPeriod')}
          </div>
        </div>
      </fieldset>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="posting-employmentType">Employment</label>
          {select('employmentType', employmentTypes)}
          {error('employmentType')}
        </div>
        <div className="field">
          <label htmlFor="posting-educationAsked">Education asked</label>
          {select('educationAsked', educationLevels)}
          {error('educationAsked')}
        </div>
      </div>
      <div className="field">
        <label htmlFor="posting-description">Description</label>
        <textarea rows={12} defaultValue={String(valueOf('description'))} {...wiring('description', true)} />
        <p className="hint" id="posting-description-hint">
          A blank line starts a paragraph; lines starting with “- ” make a list; **words** are bold; [words](https://…) is a link. Nothing else is formatted: the
          preview shows the posting as it will appear.
        </p>
        {error('description')}
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="posting-applyTo">How to apply</label>
          <input type="text" defaultValue={String(valueOf('applyTo'))} {...wiring('applyTo', true)} />
          <p className="hint" id="posting-applyTo-hint">
            A web address starting with https://, or an email address.
          </p>
          {error('applyTo')}
        </div>
        <div className="field">
          <label htmlFor="posting-closesOn">Closing date</label>
          <input type="date" min={today} max={latestClosingDay} defaultValue={String(valueOf('closesOn'))} {...wiring('closesOn', true)} />
          <p className="hint" id="posting-closesOn-hint">
            At most 90 days ahead; renew the posting to keep it open longer. Applications close at the end of that day (UTC).
          </p>
          {error('closesOn')}
        </div>
      </div>
      {/* Save first: Enter in a field submits with the first button, and must never publish. */}
      <div className="form-actions">
        <SubmitButton name="intent" value="save" pendingLabel="Saving…" className="button--secondary">
          Save
        </SubmitButton>
        <SubmitButton name="intent" value="publish" pendingLabel="Publishing…">
          {publishLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
