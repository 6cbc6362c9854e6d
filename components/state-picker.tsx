// A plain GET form to open a state's page: `action?state=<slug>`, which the proxy turns into the
// state's address (proxy.ts), so it works without JavaScript.
import type { UsState } from '@/lib/us-states';
import { StateField } from './state-field';

export function StatePicker({ action, label, selected }: { action: string; label: string; selected?: UsState }) {
  return (
    <form action={action} method="get" className="state-picker" aria-label={label}>
      <StateField id="state-picker" selected={selected} required />
      <button type="submit">Show the state</button>
    </form>
  );
}
