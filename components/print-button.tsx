'use client';
// "Print": opens the browser's print dialog (the page has a print layout). Without JavaScript
// there is no button; the browser's own Print does the same.
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

export function PrintButton() {
  const canPrint = useSyncExternalStore(noSubscription, () => typeof window.print === 'function', () => false);
  if (!canPrint) return null;
  return (
    <button type="button" className="button-secondary" onClick={() => window.print()}>
      Print
    </button>
  );
}
