import { usStates, type UsState } from '@/lib/us-states';
import { ChoiceField } from './choice-field';

const choices = usStates.map((state) => ({ value: state.slug, label: state.name }));

/** A select of the 50 states and DC, by slug; empty means the whole country (unless `required`). */
export function StateField({ selected, id = 'state', label = 'State', required = false }: { selected: UsState | undefined; id?: string; label?: string; required?: boolean }) {
  return (
    <ChoiceField id={id} name="state" label={label} emptyLabel={required ? 'Choose a state' : 'All of the U.S.'} choices={choices} selected={selected?.slug} required={required} />
  );
}
