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
import { ChoiceOptions } from '@/components/choice-field';
import { Field, fieldWiring, InputField, TextareaField } from './form-fields';
import { SubmitButton } from './submit-button';
import { RoleConflictTable } from './role-conflict-table';
import { RoleListButton, RoleListRowActions } from './role-list-button';

type RoleFormState = FormState<RoleFormValues, RoleConflictDetail>;

/** BLS's education levels, by the label the role's figures keep. */
const educationChoices = educationLevels.map((level) => ({ value: level.label, label: level.label }));

/** A figure's input: text, so that the action reads what was typed ("52,000", or empty), with a number keyboard. */
const figureInput = { type: 'text', inputMode: 'numeric', autoComplete: 'off' } as const;

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

  /** One field's wiring: its id (its name too, unless it is a list's row), its value and its error. */
  const field = (id: string, value: string, { name = id, hint }: { name?: string; hint?: React.ReactNode } = {}) => fieldWiring({ id, name, value, hint, error: errors[id] });
  // The selects' wiring, which both the field's box and the select take.
  const openingsBasis = field('jobOpeningsBasis', stats.jobOpeningsBasis);
  const entryEducation = field('entryEducation', stats.entryEducation);
  const categorySlug = field('categorySlug', content.categorySlug);
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
        <TextareaField field={field(intro, content[intro])} label={roleFieldLabels[intro]} rows={3} />
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
        <TextareaField field={field(outro, content[outro])} label={<>{roleFieldLabels[outro]} (optional)</>} rows={3} boxClassName="role-form__after-list" />
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
          <InputField field={field('jobOpenings', stats.jobOpenings)} label={roleFieldLabels.jobOpenings} {...figureInput} />
          <Field field={openingsBasis} label={roleFieldLabels.jobOpeningsBasis} className="role-form__basis">
            <select key={stats.jobOpeningsBasis} {...openingsBasis.input}>
              <option value="current">Openings now</option>
              <option value="projected-per-year">Projected openings a year</option>
            </select>
          </Field>
          <InputField
            field={field('averageSalary', stats.averageSalary, { hint: 'Per year, whole units of the currency; empty when none is published' })}
            label={roleFieldLabels.averageSalary}
            {...figureInput}
          />
          <InputField field={field('currency', stats.currency)} label={roleFieldLabels.currency} type="text" autoComplete="off" maxLength={3} className="role-form__short" />
          <InputField
            field={field('degreeRequirementPercent', stats.degreeRequirementPercent, { hint: 'Empty when not known: never estimate it' })}
            label={roleFieldLabels.degreeRequirementPercent}
            {...figureInput}
          />
          <InputField
            field={field('employment', stats.employment, { hint: 'People employed; empty when not known' })}
            label={roleFieldLabels.employment}
            {...figureInput}
          />
          <Field field={entryEducation} label={roleFieldLabels.entryEducation} className="field--wide">
            {/* BLS's levels, as BLS names them, so that the listing can filter and sort by them. Keyed by
                its value for the reason the category's select is. A value that is not one of them (typed
                before the select) stays offered, and saving says why it cannot be kept. */}
            <select key={stats.entryEducation} {...entryEducation.input}>
              <option value="">Not known</option>
              {stats.entryEducation && !educationLevelOfLabel(stats.entryEducation) && <option value={stats.entryEducation}>{stats.entryEducation}</option>}
              <ChoiceOptions choices={educationChoices} />
            </select>
          </Field>
        </div>
        <fieldset className="role-form__percentiles" aria-describedby="percentiles-hint">
          <legend>{roleFieldLabels.percentiles}</legend>
          <p className="hint" id="percentiles-hint">
            All five, from lowest to highest, or leave all five empty. Tick “or more” where the publisher gives only a top code
            (BLS: $239,200), for that percentile and every higher one.
          </p>
          <div className="form-grid">
            {percentileKeys.map((key) => {
              const percentile = field(key, stats.percentiles[key]);
              return (
                <Field field={percentile} label={percentileLabels[key]} key={key}>
                  <input {...figureInput} {...percentile.input} />
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
                </Field>
              );
            })}
          </div>
          {errors.topCoded ? (
            <p className="field-error" id="topCoded-error">
              {errors.topCoded}
            </p>
          ) : null}
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
              <InputField field={field(`outlook-${key}`, stats.outlook[key])} label={label} type="text" inputMode="decimal" autoComplete="off" key={key} />
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <InputField field={field('asOf', stats.asOf)} label={roleFieldLabels.asOf} type="date" />
          <InputField field={field('source', stats.source)} label={roleFieldLabels.source} type="text" maxLength={500} boxClassName="field--wide" />
          <InputField field={field('sourceUrl', stats.sourceUrl)} label={<>{roleFieldLabels.sourceUrl} (optional)</>} type="url" maxLength={500} boxClassName="field--wide" />
          {/* A new role's figures are all from its source; only a change of saved figures needs a note. */}
          {roleId !== undefined && (
            <InputField
              field={field('editNote', values.editNote, {
                hint: 'Required when you change a figure: the public pages show it beside each figure you changed, with today\'s date, e.g. “Union pay scale 2026, https://…”. Optional when you change only text.',
              })}
              label="Source of the new figures / note"
              type="text"
              maxLength={500}
              boxClassName="field--wide"
            />
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>Content</legend>
        <div className="form-grid">
          <InputField field={field('title', content.title)} label={roleFieldLabels.title} type="text" maxLength={120} boxClassName="field--wide" />
          <InputField
            field={field('slug', content.slug, {
              hint: (
                <>
                  The page address: /roles/<em>slug</em>. Lowercase letters, digits and hyphens.
                </>
              ),
            })}
            label={roleFieldLabels.slug}
            type="text"
            autoComplete="off"
            boxClassName="field--wide"
          />
          <InputField
            field={field('socCode', content.socCode, { hint: 'For a U.S. occupation, e.g. 15-1252' })}
            label={<>{roleFieldLabels.socCode} (optional)</>}
            type="text"
            autoComplete="off"
            maxLength={7}
          />
          <Field field={categorySlug} label={roleFieldLabels.categorySlug}>
            {/* Keyed by its value: React does not apply a new defaultValue to a mounted select, so after a
                failed save the form's reset would otherwise bring back the category it was loaded with. */}
            <select key={content.categorySlug} {...categorySlug.input}>
              <option value="">Choose a category</option>
              <ChoiceOptions choices={categories.map((category) => ({ value: category.slug, label: category.name }))} />
            </select>
          </Field>
          <TextareaField field={field('summary', content.summary)} label={roleFieldLabels.summary} rows={3} maxLength={1000} boxClassName="field--wide" />
          <TextareaField
            field={field('alternativeTitles', content.alternativeTitles, { hint: 'Other names for the role, one per line: they are searched like the title.' })}
            label={<>{roleFieldLabels.alternativeTitles} (optional)</>}
            rows={4}
            boxClassName="field--wide"
          />
          <TextareaField
            field={field('salaryTemplate', content.salaryTemplate, {
              hint: <>Placeholders filled from the statistics: {templatePlaceholders.map((name) => `{${name}}`).join(', ')}.</>,
            })}
            label={roleFieldLabels.salaryTemplate}
            rows={4}
            boxClassName="field--wide"
          />
        </div>
      </fieldset>

      {contentList('responsibilities', content.responsibilities, (responsibility, number) => (
        <InputField field={field(`responsibility-${number}`, responsibility, { name: 'responsibilities' })} label={<>Responsibility {number}</>} type="text" />
      ))}

      {contentList('howToBecomeSteps', content.howToBecomeSteps, (step, number) => (
        <div className="stack role-form__step">
          <InputField field={field(`step-${number}-heading`, step.heading, { name: 'stepHeading' })} label={<>Step {number} heading</>} type="text" />
          <TextareaField field={field(`step-${number}-body`, step.body, { name: 'stepBody' })} label={<>Step {number} details</>} rows={3} />
        </div>
      ))}

      <fieldset>
        <legend>{roleFieldLabels.contentAttribution}</legend>
        <TextareaField
          field={field('contentAttribution', content.contentAttribution, { hint: 'Shown under the role\'s text and served with it, e.g. O*NET\'s CC BY 4.0 attribution.' })}
          label="Credit the text's source requires (optional)"
          rows={3}
        />
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
