'use client';
// A failure in a public page, inside the public layout's header, main and footer.
import { ErrorMessage } from '@/components/error-message';

export default function PublicErrorPage({ reset }: { error: Error; reset: () => void }) {
  return <ErrorMessage reset={reset} />;
}
