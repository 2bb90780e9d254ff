// Tariffscope web app: suggestions for the HTS box. Pages work without it; it only helps typing.
'use strict';

// Content-Security-Policy violations are counted, so the browser tests can check there are none.
window.tariffscopeCsp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.tariffscopeCsp.push(e.violatedDirective + ' ' + (e.blockedURI || ''));
});

(function () {
  const DELAY_MS = 150;
  const LIMIT = 8;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function setup(input) {
    const list = document.getElementById(input.getAttribute('aria-controls'));
    if (!list) return;
    const form = input.form;
    let timer = null;
    let items = [];
    let active = -1;
    let lastQuery = '';
    let controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(i) {
      const options = list.querySelectorAll('[role="option"]');
      options.forEach((o, k) => o.setAttribute('aria-selected', k === i ? 'true' : 'false'));
      active = i;
      if (i >= 0 && options[i]) {
        input.setAttribute('aria-activedescendant', options[i].id);
        options[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(i) {
      const item = items[i];
      if (!item) return;
      input.value = item.code;
      close();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const next = form && form.querySelector('#origin');
      if (next && !next.value) next.focus();
    }

    function render(results, query) {
      list.replaceChildren();
      items = results;
      if (results.length === 0) {
        const li = el('li', 'opt-empty', 'No line matches “' + query + '”');
        li.setAttribute('role', 'option');
        li.setAttribute('aria-disabled', 'true');
        li.id = list.id + '-none';
        list.appendChild(li);
      }
      results.forEach((r, i) => {
        const li = el('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.code = r.code;
        li.appendChild(el('span', 'opt-code', r.code + (r.general ? '  ·  ' + r.general : '')));
        li.appendChild(el('span', 'opt-desc', r.title || r.description));
        if (r.context) li.appendChild(el('span', 'opt-context', r.context));
        li.addEventListener('mousedown', (e) => { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(-1);
    }

    async function search(query) {
      if (controller) controller.abort();
      controller = new AbortController();
      const params = new URLSearchParams({ q: query, limit: String(LIMIT) });
      const date = form && form.querySelector('input[name="date"]');
      if (date && /^\d{4}-\d{2}-\d{2}$/.test(date.value)) params.set('date', date.value);
      try {
        const res = await fetch('/api/v1/hts/search?' + params, { signal: controller.signal, headers: { Accept: 'application/json' } });
        if (!res.ok) { close(); return; }
        const body = await res.json();
        if (input.value.trim() === query) render(body.results || [], query);
      } catch (e) {
        if (e.name !== 'AbortError') close();
      }
    }

    input.addEventListener('input', () => {
      const query = input.value.trim();
      clearTimeout(timer);
      if (query.length < 2 || query === lastQuery) {
        if (query.length < 2) close();
        return;
      }
      timer = setTimeout(() => { lastQuery = query; search(query); }, DELAY_MS);
    });
    input.addEventListener('keydown', (e) => {
      if (list.hidden) {
        if (e.key === 'ArrowDown' && items.length) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); highlight(0); e.preventDefault(); }
        return;
      }
      if (e.key === 'ArrowDown') { highlight(Math.min(active + 1, items.length - 1)); e.preventDefault(); }
      else if (e.key === 'ArrowUp') { highlight(Math.max(active - 1, 0)); e.preventDefault(); }
      else if (e.key === 'Enter' && active >= 0) { choose(active); e.preventDefault(); }
      else if (e.key === 'Escape') { close(); e.preventDefault(); }
    });
    input.addEventListener('blur', () => setTimeout(close, 100));
    input.addEventListener('focus', () => { lastQuery = ''; });
  }

  document.querySelectorAll('input[data-hts-search]').forEach(setup);
})();

// The effective-rates form: countries to compare go with the country split only; with another
// split the box is switched off (and so left out of the URL), not emptied.
(function () {
  const form = document.querySelector('form.etr-form');
  const by = form && form.querySelector('select[name="by"]');
  const origin = form && form.querySelector('input[name="origin"]');
  if (!by || !origin) return;
  const field = origin.closest('.field');
  const sync = () => {
    const on = by.value === 'country';
    origin.disabled = !on;
    if (field) field.classList.toggle('is-off', !on);
  };
  by.addEventListener('change', sync);
  sync();
})();
