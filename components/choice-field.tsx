// A labelled select whose first option is the empty value: none of these (all, any, or "choose one"
// when required) or the default. The listing's and the job search's filters and sorts, and the forms
// that pick a state. ChoiceOptions are the options of any select or suggestion list.

export type Choice = { value: string; label: string };

export function ChoiceOptions({ choices }: { choices: readonly Choice[] }) {
  return choices.map((choice) => (
    <option key={choice.value} value={choice.value}>
      {choice.label}
    </option>
  ));
}

export function ChoiceField({
  id,
  name = id,
  label,
  emptyLabel,
  choices,
  selected,
  required = false,
  hint,
}: {
  id: string;
  name?: string;
  label: string;
  emptyLabel: string;
  choices: readonly Choice[];
  selected: string | undefined;
  required?: boolean;
  hint?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={selected ?? ''} required={required} aria-describedby={hint ? `${id}-hint` : undefined}>
        <option value="">{emptyLabel}</option>
        <ChoiceOptions choices={choices} />
      </select>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
