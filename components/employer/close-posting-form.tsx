'use client';
// "Close this posting": it leaves every open figure, page and feed at once. Works without JavaScript.
import { ButtonForm } from '@/components/admin/button-form';
import type { FormAction } from '@/lib/form-state';

export function ClosePostingForm({ action, id, version }: { action: FormAction; id: number; version: number }) {
  return (
    <ButtonForm
      action={action}
      fields={{ id, version }}
      button={{ pendingLabel: 'Closing…', className: 'button--secondary', children: 'Close this posting' }}
      outcome={(state) =>
        state.status === 'error' && (
          <p className="field-error" role="alert">
            {state.message}
          </p>
        )
      }
    />
  );
}
