'use client';
// A button that adds, removes or moves a row of the role form. It submits the form with its
// intent, so it works without JavaScript; while any submission is on its way it waits.
import { useFormStatus } from 'react-dom';

export function RoleListButton({
  intent,
  label,
  disabled = false,
  children,
}: {
  intent: string;
  /** The accessible name when the visible text needs its row ("Move step 2 up"). */
  label?: string;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name="intent" value={intent} className="button--secondary role-form__list-button" aria-label={label} disabled={disabled || pending}>
      {children}
    </button>
  );
}

/** Up, Down and Remove for row `number` (from 1) of a list of `count` rows. */
export function RoleListRowActions({ list, number, count }: { list: 'responsibility' | 'step'; number: number; count: number }) {
  return (
    <div className="role-form__row-actions">
      <RoleListButton intent={`move-${list}-${number}-up`} label={`Move ${list} ${number} up`} disabled={number === 1}>
        Up
      </RoleListButton>
      <RoleListButton intent={`move-${list}-${number}-down`} label={`Move ${list} ${number} down`} disabled={number === count}>
        Down
      </RoleListButton>
      <RoleListButton intent={`remove-${list}-${number}`} label={`Remove ${list} ${number}`}>
        Remove
      </RoleListButton>
    </div>
  );
}
