// The only JavaScript public pages run. They are read without any: the HTTP front leaves Next.js's
// runtime off them (lib/server/page-scripts.ts), and this file adds the few conveniences that need a
// script, each a progressive enhancement. A control that only works with JavaScript is rendered
// `hidden` and shown here once it can work:
//   <button hidden data-copy="element-id">Copy link</button>   copies that input's value (or element's text)
//   <button hidden data-print>Print</button>                    opens the print dialog
// A button's outcome is announced in the element its `data-status` names (a role="status" region).
(() => {
  const announce = (button, message) => {
    const status = document.getElementById(button.dataset.status || '');
    if (status) status.textContent = message;
  };

  const copy = async (button) => {
    const source = document.getElementById(button.dataset.copy);
    if (!source) return;
    const text = 'value' in source ? source.value : source.textContent;
    try {
      await navigator.clipboard.writeText(text);
      announce(button, button.dataset.copied || 'Copied');
    } catch {
      if (source.select) source.select();
      announce(button, 'Could not copy: the text is selected, copy it with your keyboard');
    }
  };

  const enhance = () => {
    for (const button of document.querySelectorAll('button[data-copy]')) {
      if (!navigator.clipboard) continue;
      button.hidden = false;
      button.addEventListener('click', () => copy(button));
    }
    for (const button of document.querySelectorAll('button[data-print]')) {
      if (typeof window.print !== 'function') continue;
      button.hidden = false;
      button.addEventListener('click', () => window.print());
    }
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance);
  else enhance();
})();
