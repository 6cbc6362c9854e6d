'use client';
// A failure in an admin page, inside the admin frame.
import { ErrorMessage } from '@/components/error-message';

export default function AdminErrorPage({ reset }: { error: Error; reset: () => void }) {
  return <ErrorMessage reset={reset} home={{ href: '/admin', label: 'go to all roles' }} />;
}
