'use client';
// The one form for a role's stats and content. It renders from the last answer of its action
// when there is one, so a failed save keeps everything typed; list rows are added, removed and
// moved by submit buttons the action handles, so the form works without JavaScript as well.
// With JavaScript, Ctrl/Cmd+S saves and leaving with unsaved changes asks first.
import { useActionState, useEffect, useRef, useState } from 'react';
import { educationLevelOfLabel, educationLevels } from '@/lib/education';
import { idleState, type FormAction, type FormState } from '@/lib/form-state';
// Type-only: lib/role-merge.ts is server code.
import type { RoleConflictDetail } from '@/lib/role-merge';
import { CONTENT_LIMITS, percentileKeys, percentileLabels, roleFieldLabels, roleFormErrorsById } from '@/lib/domain/role-fields';
import type { RoleFormValues } from '@/lib/role-form';
import { templatePlaceholders } from '@/lib/salary-template';
import { SubmitButton } from './submit-button';
import { RoleConflictTable } from './role-conflict-table';
import { RoleListButton, RoleListRowActions } from './role-list-button';

type RoleFormState = FormState<RoleFormValues, RoleConflictDetail>;

/** The content's two lists: the fields around each, what its rows are called, and its Add button. */
const contentLists = {
  responsibilities: { intro: 'responsibilitiesIntro', outro: 'responsibilitiesOutro', row: 'responsibility', addLabel: 'Add a responsibility' },
  howToBecomeSteps: { intro: 'howToBecomeIntro', outro: 'howToBecomeOutro', row: 'step', addLabel: 'Add a step' },
} as const;

export function RoleForm({
  action,
  initialValues,
  categories,
  roleId,
  loadedSlug,
  savedOnArrival = false,
}: {
  action: FormAction<RoleFormValues, RoleConflictDetail>;
  initialValues: RoleFormValues;
  categories: { slug: string; name: string }[];
  /** Set when editing; absent when creating. */
  roleId?: number;
  loadedSlug?: string;
  /** Shows "Saved" after the save redirected here (a new role, or a new slug). */
  savedOnArrival?: boolean;
}) {
  const [state, formAction] = useActionState<RoleFormState, FormData>(action, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  // The answer the form showed when it was last changed: it has unsaved changes until a later
  // answer says "saved" (a failed save or a list button leaves them unsaved).
  const [changedAt, setChangedAt] = useState<RoleFormState | null>(null);
  const unsaved = changedAt !== null && (changedAt === state || state.status !== 'saved');
  useUnsavedChangesWarning(unsaved);
  useSaveShortcut(formRef);
  const values = state.values ?? initialValues;
  const errors = roleFormErrorsById(state.fieldErrors);
  const { content, stats } = values;
  const conflict = state.status === 'conflict' ? state.detail : undefined;
  const showSaved = !unsaved && (state.status === 'saved' || (savedOnArrival && state === idleState));
  const failed = (state.status === 'error' || state.status === 'conflict') && Boolean(state.message);

  /** id, name, the typed value and the error wiring of one field. */
  const field = (id: string, value: string, { name = id, hint }: { name?: string; hint?: boolean } = {}) => {
    const describedBy = [hint ? `${id}-hint` : null, errors[id] ? `${id}-error` : null].filter(Boolean).join(' ');
    return {
      id,
      name,
      defaultValue: value,
      'aria-invalid': errors[id] ? (true as const) : undefined,
      'aria-describedby': describedBy || undefined,
    };
  };
  const error = (id: string) =>
    errors[id] ? (
      <p className="field-error" id={`${id}-error`}>
        {errors[id]}
      </p>
    ) : null;
  const listError = (key: string) => state.fieldErrors?.[key]?.[0];
  /**
   * One of the content's lists (responsibilities, steps): its intro, a row per item (the item's
   * fields, then Up, Down and Remove), its Add button and its outro.
   */
  const contentList = <Item,>(list: keyof typeof contentLists, items: Item[], fieldsOf: (item: Item, number: number) => React.ReactNode) => {
    const { intro, outro, row, addLabel } = contentLists[list];
    return (
      <fieldset>
        <legend>{roleFieldLabels[list]}</legend>
        <div className="field">
          <label htmlFor={intro}>{roleFieldLabels[intro]}</label>
          <textarea rows={3} {...field(intro, content[intro])} />
          {error(intro)}
        </div>
        <ol className="role-form__rows">
          {items.map((item, index) => (
            <li key={index} className="role-form__row">
              {fieldsOf(item, index + 1)}
              <RoleListRowActions list={row} number={index + 1} count={items.length} />
            </li>
          ))}
        </ol>
        {listError(`content.${list}`) && <p className="field-error">{listError(`content.${list}`)}</p>}
        <RoleListButton intent={`add-${row}`} disabled={items.length >= CONTENT_LIMITS[list]}>
          {addLabel}
        </RoleListButton>
        <div className="field role-form__after-list">
          <label htmlFor={outro}>{roleFieldLabels[outro]} (optional)</label>
          <textarea rows={3} {...field(outro, content[outro])} />
          {error(outro)}
        </div>
      </fieldset>
    );
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      className="stack role-form"
      noValidate
      onInput={() => setChangedAt(state)}
      onSubmit={(event) => {
        // Adding, moving or removing a row changes the form without saving it.
        if ((event.nativeEvent as SubmitEvent).submitter?.getAttribute('name') === 'intent') setChangedAt(state);
      }}
    >
      {/* Enter in a field submits with the first submit button; this one makes that a save. */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        Save
      </button>
      {failed && (
        <div className="notice notice--error" role="alert" id="role-form-message" tabIndex={-1}>
          <p className="role-form__message">{state.message}</p>
          {conflict && (
            <>
              <p className="role-form__message">
                The form now holds their saved values with your changes on top. Check it, then save again to keep your changes.
              </p>
              <RoleConflictTable conflict={conflict} />
            </>
          )}
        </div>
      )}
      {roleId !== undefined && <input type="hidden" name="roleId" value={roleId} />}
      {loadedSlug !== undefined && <input type="hidden" name="loadedSlug" value={loadedSlug} />}
      <input type="hidden" name="version" value={values.version} />
      <input type="hidden" name="base" value={values.base} />

      <fieldset>
        <legend>Statistics</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="jobOpenings">{roleFieldLabels.jobOpenings}</label>
            <input type="text" inputMode="numeric" autoComplete="off" {...field('jobOpenings', stats.jobOpenings)} />
            {error('jobOpenings')}
          </div>
          <div className="field role-form__basis">
            <label htmlFor="jobOpeningsBasis">{roleFieldLabels.jobOpeningsBasis}</label>
            <select key={stats.jobOpeningsBasis} {...field('jobOpeningsBasis', stats.jobOpeningsBasis)}>
              <option value="current">Openings now</option>
              <option value="projected-per-year">Projected openings a year</option>
            </select>
            {error('jobOpeningsBasis')}
          </div>
          <div className="field">
            <label htmlFor="averageSalary">{roleFieldLabels.averageSalary}</label>
            <input type="text" inputMode="numeric" autoComplete="off" {...field('averageSalary', stats.averageSalary, { hint: true })} />
            <p className="hint" id="averageSalary-hint">
              Per year, whole units of the currency; empty when none is published
            </p>
            {error('averageSalary')}
          </div>
          <div className="field">
            <label htmlFor="currency">{roleFieldLabels.currency}</label>
            <input type="text" autoComplete="off" maxLength={3} className="role-form__short" {...field('currency', stats.currency)} />
            {error('currency')}
          </div>
          <div className="field">
            <label htmlFor="degreeRequirementPercent">{roleFieldLabels.degreeRequirementPercent}</label>
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              {...field('degreeRequirementPercent', stats.degreeRequirementPercent, { hint: true })}
            />
            <p className="hint" id="degreeRequirementPercent-hint">
              Empty when not known: never estimate it
            </p>
            {error('degreeRequirementPercent')}
          </div>
          <div className="field">
            <label htmlFor="employment">{roleFieldLabels.employment}</label>
            <input type="text" inputMode="numeric" autoComplete="off" {...field('employment', stats.employment, { hint: true })} />
            <p className="hint" id="employment-hint">
              People employed; empty when not known
            </p>
            {error('employment')}
          </div>
          <div className="field field--wide">
            <label htmlFor="entryEducation">{roleFieldLabels.entryEducation}</label>
            {/* BLS's levels, as BLS names them, so that the listing can filter and sort by them. Keyed by
                its value for the reason the category's select is. A value that is not one of them (typed
                before the select) stays offered, and saving says why it cannot be kept. */}
            <select key={stats.entryEducation} {...field('entryEducation', stats.entryEducation)}>
              <option value="">Not known</option>
              {stats.entryEducation && !educationLevelOfLabel(stats.entryEducation) && <option value={stats.entryEducation}>{stats.entryEducation}</option>}
              {educationLevels.map((level) => (
                <option key={level.slug} value={level.label}>
                  {level.label}
                </option>
              ))}
            </select>
            {error('entryEducation')}
          </div>
        </div>
        <fieldset className="role-form__percentiles" aria-describedby="percentiles-hint">
          <legend>{roleFieldLabels.percentiles}</legend>
          <p className="hint" id="percentiles-hint">
            All five, from lowest to highest, or leave all five empty. Tick “or more” where the publisher gives only a top code
            (BLS: $239,200), for that percentile and every higher one.
          </p>
          <div className="form-grid">
            {percentileKeys.map((key) => (
              <div className="field" key={key}>
                <label htmlFor={key}>{percentileLabels[key]}</label>
                <input type="text" inputMode="numeric" autoComplete="off" {...field(key, stats.percentiles[key])} />
                <label className="role-form__check">
                  <input
                    type="checkbox"
                    name="topCoded"
                    value={key}
                    defaultChecked={stats.topCoded.includes(key)}
                    key={`${key}-${stats.topCoded.includes(key)}`}
                  />{' '}
                  or more<span className="visually-hidden"> ({percentileLabels[key]} is a top code)</span>
                </label>
                {error(key)}
              </div>
            ))}
          </div>
          {error('topCoded')}
        </fieldset>
        <fieldset className="role-form__percentiles" aria-describedby="outlook-hint">
          <legend>{roleFieldLabels.outlook}</legend>
          <p className="hint" id="outlook-hint">
            A projection of employment, e.g. BLS&apos;s 2024–34: all five, or leave all empty.
          </p>
          <div className="form-grid">
            {(
              [
                ['startYear', 'From year'],
                ['endYear', 'To year'],
                ['startEmployment', 'Employment at the start'],
                ['endEmployment', 'Employment at the end'],
                ['changePercent', 'Change (%)'],
              ] as const
            ).map(([key, label]) => (
              <div className="field" key={key}>
                <label htmlFor={`outlook-${key}`}>{label}</label>
                <input type="text" inputMode="decimal" autoComplete="off" {...field(`outlook-${key}`, stats.outlook[key])} />
                {error(`outlook-${key}`)}
              </div>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="asOf">{roleFieldLabels.asOf}</label>
            <input type="date" {...field('asOf', stats.asOf)} />
            {error('asOf')}
          </div>
          <div className="field field--wide">
            <label htmlFor="source">{roleFieldLabels.source}</label>
            <input type="text" maxLength={500} {...field('source', stats.source)} />
            {error('source')}
          </div>
          <div className="field field--wide">
            <label htmlFor="sourceUrl">{roleFieldLabels.sourceUrl} (optional)</label>
            <input type="url" maxLength={500} {...field('sourceUrl', stats.sourceUrl)} />
            {error('sourceUrl')}
          </div>
          {/* A new role's figures are all from its source; only a change of saved figures needs a note. */}
          {roleId !== undefined && (
            <div className="field field--wide">
              <label htmlFor="editNote">Source of the new figures / note</label>
              <input type="text" maxLength={500} {...field('editNote', values.editNote, { hint: true })} />
              <p className="hint" id="editNote-hint">
                Required when you change a figure: the public pages show it beside each figure you changed, with
                today&apos;s date, e.g. “Union pay scale 2026, https://…”. Optional when you change only text.
              </p>
              {error('editNote')}
            </div>
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>Content</legend>
        <div className="form-grid">
          <div className="field field--wide">
            <label htmlFor="title">{roleFieldLabels.title}</label>
            <input type="text" maxLength={120} {...field('title', content.title)} />
            {error('title')}
          </div>
          <div className="field field--wide">
            <label htmlFor="slug">{roleFieldLabels.slug}</label>
            <input type="text" autoComplete="off" {...field('slug', content.slug, { hint: true })} />
            <p className="hint" id="slug-hint">
              The page address: /roles/<em>slug</em>. Lowercase letters, digits and hyphens.
            </p>
            {error('slug')}
          </div>
          <div className="field">
            <label htmlFor="socCode">{roleFieldLabels.socCode} (optional)</label>
            <input type="text" autoComplete="off" maxLength={7} {...field('socCode', content.socCode, { hint: true })} />
            <p className="hint" id="socCode-hint">
              For a U.S. occupation, e.g. 15-1252
            </p>
            {error('socCode')}
          </div>
          <div className="field">
            <label htmlFor="categorySlug">{roleFieldLabels.categorySlug}</label>
            {/* Keyed by its value: React does not apply a new defaultValue to a mounted select, so after a
                failed save the form's reset would otherwise bring back the category it was loaded with. */}
            <select key={content.categorySlug} {...field('categorySlug', content.categorySlug)}>
              <option value="">Choose a category</option>
              {categories.map((category) => (
                <option key={category.slug} value={category.slug}>
                  {category.name}
                </option>
              ))}
            </select>
            {error('categorySlug')}
          </div>
          <div className="field field--wide">
            <label htmlFor="summary">{roleFieldLabels.summary}</label>
            <textarea rows={3} maxLength={1000} {...field('summary', content.summary)} />
            {error('summary')}
          </div>
          <div className="field field--wide">
            <label htmlFor="alternativeTitles">{roleFieldLabels.alternativeTitles} (optional)</label>
            <textarea rows={4} {...field('alternativeTitles', content.alternativeTitles, { hint: true })} />
            <p className="hint" id="alternativeTitles-hint">
              Other names for the role, one per line: they are searched like the title.
            </p>
            {error('alternativeTitles')}
          </div>
          <div className="field field--wide">
            <label htmlFor="salaryTemplate">{roleFieldLabels.salaryTemplate}</label>
            <textarea rows={4} {...field('salaryTemplate', content.salaryTemplate, { hint: true })} />
            <p className="hint" id="salaryTemplate-hint">
              Placeholders filled from the statistics: {templatePlaceholders.map((name) => `{${name}}`).join(', ')}.
            </p>
            {error('salaryTemplate')}
          </div>
        </div>
      </fieldset>

      {contentList('responsibilities', content.responsibilities, (responsibility, number) => {
        const id = `responsibility-${number}`;
        return (
          <div className="field">
            <label htmlFor={id}>Responsibility {number}</label>
            <input type="text" {...field(id, responsibility, { name: 'responsibilities' })} />
            {error(id)}
          </div>
        );
      })}

      {contentList('howToBecomeSteps', content.howToBecomeSteps, (step, number) => (
        <div className="stack role-form__step">
          <div className="field">
            <label htmlFor={`step-${number}-heading`}>Step {number} heading</label>
            <input type="text" {...field(`step-${number}-heading`, step.heading, { name: 'stepHeading' })} />
            {error(`step-${number}-heading`)}
          </div>
          <div className="field">
            <label htmlFor={`step-${number}-body`}>Step {number} details</label>
            <textarea rows={3} {...field(`step-${number}-body`, step.body, { name: 'stepBody' })} />
            {error(`step-${number}-body`)}
          </div>
        </div>
      ))}

      <fieldset>
        <legend>{roleFieldLabels.contentAttribution}</legend>
        <div className="field">
          <label htmlFor="contentAttribution">Credit the text&apos;s source requires (optional)</label>
          <textarea rows={3} {...field('contentAttribution', content.contentAttribution, { hint: true })} />
          <p className="hint" id="contentAttribution-hint">
            Shown under the role&apos;s text and served with it, e.g. O*NET&apos;s CC BY 4.0 attribution.
          </p>
          {error('contentAttribution')}
        </div>
      </fieldset>

      {/* Always in view at the bottom of the screen while the form is: Save, and what became of the last save. */}
      <div className="role-form__actions">
        <SubmitButton pendingLabel="Saving…" className="role-form__save" aria-keyshortcuts="Control+S Meta+S">
          Save
        </SubmitButton>
        <p className="role-form__status" role="status">
          {showSaved && <span className="role-form__saved">{state.message ?? 'Saved'}</span>}
          {failed && (
            <>
              Not saved. <a href="#role-form-message">See why</a>
            </>
          )}
          {unsaved && !failed && 'Unsaved changes'}
        </p>
        <p className="hint role-form__shortcut">
          <kbd>Ctrl</kbd>+<kbd>S</kbd> or <kbd>⌘</kbd>+<kbd>S</kbd> saves
        </p>
      </div>
    </form>
  );
}

/** Closing or reloading the page with unsaved changes asks first; so does following a link away. */
function useUnsavedChangesWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warnBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    // Links inside the app navigate without unloading the page, so beforeunload never fires for them.
    const confirmLeaving = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const staysHere = !link || link.getAttribute('href')?.startsWith('#') || link.getAttribute('target') === '_blank';
      if (staysHere || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      if (!window.confirm('This role has unsaved changes. Leave without saving them?')) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', warnBeforeUnload);
    window.addEventListener('click', confirmLeaving, true);
    return () => {
      window.removeEventListener('beforeunload', warnBeforeUnload);
      window.removeEventListener('click', confirmLeaving, true);
    };
  }, [unsaved]);
}

/** Ctrl+S (Cmd+S on a Mac) presses Save instead of saving the web page. */
function useSaveShortcut(formRef: React.RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    const save = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      const button = formRef.current?.querySelector<HTMLButtonElement>('.role-form__save');
      if (button && !button.disabled) formRef.current?.requestSubmit(button);
    };
    window.addEventListener('keydown', save);
    return () => window.removeEventListener('keydown', save);
  }, [formRef]);
}
