// The only JavaScript public pages run. They are read without any: the HTTP front leaves Next.js's
// runtime off them (lib/server/page-scripts.ts), and this file adds the few conveniences that need a
// script, each a progressive enhancement. A control that only works with JavaScript is rendered
// `hidden` and shown here once it can work:
//   <button hidden data-copy="element-id">Copy link</button>   copies that input's value (or element's text)
//   <button hidden data-print>Print</button>                    opens the print dialog
//   <input list="x" data-suggest="x">                           fills datalist x with the roles the API
//                                                               finds for what is typed; picking one submits
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

  // A role title box (the card builder): suggestions from the public API as the reader types, and
  // a title picked from them (or typed in full) submits the form. Nothing else changes the card,
  // so a half-typed name never swaps it for another role.
  const suggestRoles = (input) => {
    const list = document.getElementById(input.dataset.suggest);
    if (!list || !input.form || typeof fetch !== 'function') return;
    let timer;
    let asked = '';
    const isSuggested = (value) => [...list.options].some((option) => option.value === value);
    input.addEventListener('input', () => {
      clearTimeout(timer);
      if (input.value !== input.defaultValue && isSuggested(input.value)) {
        input.form.requestSubmit();
        return;
      }
      const text = input.value.trim();
      if (text.length < 2 || text === asked) return;
      timer = setTimeout(async () => {
        asked = text;
        try {
          const response = await fetch(`/api/v1/roles?q=${encodeURIComponent(text)}&limit=8`, { headers: { accept: 'application/json' } });
          if (!response.ok || input.value.trim() !== text) return;
          const { items } = await response.json();
          list.replaceChildren(
            ...items.map((item) => {
              const option = document.createElement('option');
              option.value = item.title;
              option.textContent = item.title;
              return option;
            }),
          );
        } catch {
          // No suggestions: the form still finds the role when submitted.
        }
      }, 150);
    });
  };

  const enhance = () => {
    for (const input of document.querySelectorAll('input[data-suggest]')) suggestRoles(input);
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
