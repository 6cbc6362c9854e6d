'use client';
// A submit button that shows progress and cannot be pressed twice while its form is sending.
import { useFormStatus } from 'react-dom';

export function SubmitButton({
  children,
  pendingLabel,
  ...button
}: { children: React.ReactNode; pendingLabel: string } & Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'disabled'>) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" {...button} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
