// Buttons that need JavaScript to work, rendered hidden: public/enhance.js shows and wires them
// where they can work, so a reader without JavaScript never sees a button that does nothing.
// Public pages carry no React runtime in production, but in development React hydrates them, and
// enhance.js (async) may have shown a button first: suppressHydrationWarning tells React that its
// `hidden` differing is intended (React leaves the attribute as the DOM has it).

/** Copies the value (or text) of the element `target` names, and says so in the `status` region. */
export function CopyButton({ target, status, copied, children }: { target: string; status: string; copied: string; children: React.ReactNode }) {
  return (
    <button type="button" className="button-secondary" hidden suppressHydrationWarning data-copy={target} data-status={status} data-copied={copied}>
      {children}
    </button>
  );
}

/** Opens the print dialog (pages have a print layout); without JavaScript the browser's own Print does it. */
export function PrintButton() {
  return (
    <button type="button" className="button-secondary" hidden suppressHydrationWarning data-print="">
      Print
    </button>
  );
}
