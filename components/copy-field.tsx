// A snippet to copy: selectable text that works without JavaScript, and a copy button (shown by
// public/enhance.js where a script can copy) that says "Copied" in its live region.
import { CopyButton } from './enhanced-buttons';

/** A read-only value to copy: a textarea when it has `rows`, else one line, with its copy button and status. */
export function CopyField({ id, label, value, rows, button, copied }: { id: string; label: string; value: string; rows?: number; button: string; copied: string }) {
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      {rows ? <textarea id={id} readOnly rows={rows} value={value} /> : <input id={id} readOnly value={value} />}
      <div className="copy-field__actions">
        <CopyButton target={id} status={`${id}-status`} copied={copied}>
          {button}
        </CopyButton>
        <span id={`${id}-status`} role="status" />
      </div>
    </div>
  );
}
