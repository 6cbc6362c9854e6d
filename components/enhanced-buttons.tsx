// Buttons that need JavaScript to work, rendered hidden: public/enhance.js shows and wires them
// where they can work, so a reader without JavaScript never sees a button that does nothing.

/** Copies the value (or text) of the element `target` names, and says so in the `status` region. */
export function CopyButton({ target, status, copied, children }: { target: string; status: string; copied: string; children: React.ReactNode }) {
  return (
    <button type="button" className="button-secondary" hidden data-copy={target} data-status={status} data-copied={copied}>
      {children}
    </button>
  );
}

/** Opens the print dialog (pages have a print layout); without JavaScript the browser's own Print does it. */
export function PrintButton() {
  return (
    <button type="button" className="button-secondary" hidden data-print="">
      Print
    </button>
  );
}
