// A labelled select whose first option is "none of these" (all, any, or "choose one" when required):
// the listing's filters and the forms that pick a state.

export type Choice = { value: string; label: string };

export function ChoiceField({
  id,
  name = id,
  label,
  emptyLabel,
  choices,
  selected,
  required = false,
}: {
  id: string;
  name?: string;
  label: string;
  emptyLabel: string;
  choices: readonly Choice[];
  selected: string | undefined;
  required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={selected ?? ''} required={required}>
        <option value="">{emptyLabel}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
