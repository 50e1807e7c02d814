/**
 * @module The authors field as a picker: chosen experts as chips, and a search box that suggests experts
 * as the editor types, in Arabic or Latin letters (the server folds both). The textarea of names stays
 * the form's field (and the page's fallback without script); the picker only writes names into it, so
 * what is posted is exactly what the server checks: names of existing experts.
 */

interface Match {
  id: string;
  name: string | null;
  names: Record<string, string>;
  title: string | null;
}

export function mountAuthors(textarea: HTMLTextAreaElement, langOf: () => string, s: (key: string, vars?: Record<string, string | number>) => string): void {
  const names = () => textarea.value.split('\n').map((n) => n.trim()).filter(Boolean);
  const setNames = (list: string[]) => {
    textarea.value = [...new Set(list)].join('\n');
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    renderChips();
  };

  const box = document.createElement('div');
  box.className = 'authors-picker';
  const chips = document.createElement('ul');
  chips.className = 'chips';
  chips.setAttribute('aria-label', s('authors.label'));
  const input = document.createElement('input');
  input.type = 'text';
  input.id = 'author-search';
  input.autocomplete = 'off';
  input.dir = 'auto';
  input.placeholder = s('authors.search');
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', 'author-options');
  const list = document.createElement('ul');
  list.id = 'author-options';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  const empty = document.createElement('p');
  empty.className = 'hint';
  empty.hidden = true;
  const combo = document.createElement('div');
  combo.className = 'combo';
  combo.append(input, list, empty);
  box.append(chips, combo);
  textarea.hidden = true;
  textarea.after(box);
  const label = document.querySelector(`label[for="${textarea.id}"]`) as HTMLLabelElement | null;
  if (label) label.htmlFor = input.id;

  function renderChips() {
    chips.replaceChildren(
      ...names().map((name) => {
        const li = document.createElement('li');
        const span = document.createElement('bdi');
        span.textContent = name;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'chip-remove';
        remove.textContent = '×';
        remove.setAttribute('aria-label', s('authors.remove', { name }));
        remove.onclick = () => {
          setNames(names().filter((n) => n !== name));
          input.focus();
        };
        li.append(span, remove);
        return li;
      }),
    );
  }

  let matches: Match[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    empty.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (m: Match) => {
    if (!m.name) return;
    setNames([...names(), m.name]);
    input.value = '';
    close();
    input.focus();
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `author-opt-${i}`);
  };
  const show = () => {
    list.replaceChildren(
      ...matches.map((m, i) => {
        const li = document.createElement('li');
        li.id = `author-opt-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        const own = document.createElement('bdi');
        own.textContent = m.name ?? Object.values(m.names)[0] ?? '';
        li.append(own);
        const others = Object.entries(m.names).filter(([l]) => l !== lang);
        if (others.length) {
          const other = document.createElement('span');
          other.className = 'hint';
          other.textContent = ' · ' + others.map(([, n]) => n).join(' · ');
          li.append(other);
        }
        if (!m.name) {
          li.setAttribute('aria-disabled', 'true');
          const note = document.createElement('span');
          note.className = 'hint';
          note.textContent = ` (${s('authors.noName')})`;
          li.append(note);
        }
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => pick(m));
        return li;
      }),
    );
    list.hidden = matches.length === 0;
    input.setAttribute('aria-expanded', String(matches.length > 0));
    empty.hidden = matches.length > 0 || !input.value.trim();
    if (!empty.hidden) {
      empty.replaceChildren(s('authors.none') + ' ');
      const a = document.createElement('a');
      a.href = '/admin/experts/new';
      a.target = '_blank';
      a.textContent = s('authors.createLink');
      empty.append(a);
    }
    highlight(matches.length ? 0 : -1);
  };
  let lang = langOf();
  const search = async () => {
    lang = langOf();
    const q = input.value.trim();
    if (!q) return close();
    const n = ++asked;
    try {
      const res = await fetch(`/admin/experts/search?lang=${encodeURIComponent(lang)}&q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' } });
      const out = (await res.json()) as { experts: Match[] };
      if (n !== asked) return; // a newer question is on its way
      const chosen = new Set(names());
      matches = out.experts.filter((m) => !m.name || !chosen.has(m.name));
      show();
    } catch {
      // Offline: no suggestions; the names already chosen stay.
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && matches.length) {
      e.preventDefault();
      highlight((active + 1) % matches.length);
    } else if (e.key === 'ArrowUp' && matches.length) {
      e.preventDefault();
      highlight((active - 1 + matches.length) % matches.length);
    } else if (e.key === 'Enter') {
      // Enter picks; it never submits the article form from here.
      e.preventDefault();
      if (active >= 0 && matches[active]) pick(matches[active]);
    } else if (e.key === 'Escape') {
      close();
    } else if (e.key === 'Backspace' && !input.value && names().length) {
      setNames(names().slice(0, -1));
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  renderChips();
}
