import { usStates, type UsState } from '@/lib/us-states';

/** A select of the 50 states and DC, by slug; empty means the whole country (unless `required`). */
export function StateField({ selected, id = 'state', label = 'State', required = false }: { selected: UsState | undefined; id?: string; label?: string; required?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="state" defaultValue={selected?.slug ?? ''} required={required}>
        <option value="">{required ? 'Choose a state' : 'All of the U.S.'}</option>
        {usStates.map((state) => (
          <option key={state.slug} value={state.slug}>
            {state.name}
          </option>
        ))}
      </select>
    </div>
  );
}
