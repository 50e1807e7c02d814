/**
 * @module Autosave in the browser: every change is kept in this browser at once (localStorage, so a
 * closed tab or a lost connection loses nothing) and sent to the server's autosave slot after a pause
 * in typing (so another device, or this one after a crash, can recover it). Failures are retried and
 * said plainly; a recovered draft is offered, never applied without the writer's click.
 */

export interface AutosaveHooks {
  form: HTMLFormElement;
  /** Writes the editor's blocks into the form's hidden field before the form is read. */
  flush: () => void;
  /** Puts recovered fields back: the plain fields are set here, the body by the editor. */
  restoreBody: (fields: Record<string, string>) => void;
  strings: (key: string, vars?: Record<string, string | number>) => string;
  uiLang: string;
  timeZone?: string;
}

export interface Autosave {
  changed(): void;
  submitted(): void;
  /** Sends now; resolves to true when the server kept it. */
  saveNow(): Promise<boolean>;
}

const IDLE_MS = 1500;
const MAX_WAIT_MS = 8000;
const RETRY_MS = 5000;
/** Fields that are the writer's words; the rest (version, token) say where, not what. */
const CONTENT = ['title', 'summary', 'seriesName', 'seriesNumber', 'authors', 'topics', 'regions', 'body', 'bodyJson', 'type', 'published', 'note', 'slug', 'lang'];

interface Kept {
  at: string;
  version: string;
  fields: Record<string, string>;
  /** True once the server has the same. */
  sent?: boolean;
}

function fieldsOf(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v;
  // Disabled fields are not in FormData: the Markdown box while the rich editor is on, and vice versa.
  return out;
}

function sameWords(a: Record<string, string>, b: Record<string, string>): boolean {
  return CONTENT.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

export function startAutosave(h: AutosaveHooks): Autosave {
  const { form, strings: s } = h;
  const status = document.getElementById('autosave-status');
  const storageKey = `mizan:autosave:${form.getAttribute('action')}`;
  const url = `${form.getAttribute('action')}/autosave`;
  const time = new Intl.DateTimeFormat(h.uiLang === 'ar' ? 'ar-u-nu-arab' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: h.timeZone });
  const say = (text: string, kind: 'ok' | 'warn' | '' = '') => {
    if (!status) return;
    status.textContent = text;
    status.dataset.kind = kind;
  };

  let dirty = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  let inFlight: Promise<boolean> | null = null;
  let submitting = false;

  const read = (): Kept | null => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Kept | null;
    } catch {
      return null;
    }
  };
  const keep = (sent: boolean) => {
    h.flush();
    const fields = fieldsOf(form);
    const entry: Kept = { at: new Date().toISOString(), version: fields.version ?? '', fields, sent };
    try {
      localStorage.setItem(storageKey, JSON.stringify(entry));
    } catch {
      // Storage full or refused: the server slot still has it.
    }
    return fields;
  };

  const send = async (): Promise<boolean> => {
    clearTimeout(idle);
    idle = undefined;
    first = 0;
    const fields = keep(false);
    dirty = false;
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    try {
      const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const out = (await res.json()) as { savedAt: string };
      const kept = read();
      if (kept) localStorage.setItem(storageKey, JSON.stringify({ ...kept, sent: true }));
      say(s('editor.autosaved', { time: time.format(new Date(out.savedAt)) }), 'ok');
      return true;
    } catch {
      dirty = true;
      say(s('editor.offline'), 'warn');
      idle = setTimeout(() => void saveNow(), RETRY_MS);
      return false;
    }
  };

  const saveNow = (): Promise<boolean> => {
    if (inFlight) return inFlight.then(() => (dirty ? saveNow() : true));
    inFlight = send().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  // Reading the whole form (the body's blocks with it) costs a walk of the document: done after a short
  // pause, not on every key.
  let keepTimer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    dirty = true;
    clearTimeout(keepTimer);
    keepTimer = setTimeout(() => keep(false), 300);
    if (status && status.textContent !== s('editor.unsaved')) say(s('editor.unsaved'));
    const now = Date.now();
    if (!first) first = now;
    clearTimeout(idle);
    idle = setTimeout(() => void saveNow(), now - first > MAX_WAIT_MS ? 0 : IDLE_MS);
  };

  // Every plain field counts as a change too.
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).closest('.ProseMirror')) return;
    changed();
  });

  // A tab closed with changes not yet on the server: send them on the way out.
  addEventListener('pagehide', () => {
    if (!dirty || submitting) return;
    h.flush();
    const body = new FormData();
    for (const [k, v] of Object.entries(fieldsOf(form))) body.set(k, v);
    navigator.sendBeacon?.(url, body);
  });

  // After a successful save the kept copy is done with.
  const params = new URLSearchParams(location.search);
  if (params.has('saved')) localStorage.removeItem(storageKey);

  // What this browser kept and the page does not show: offer it.
  const kept = read();
  const current = fieldsOf(form);
  const serverOffer = document.getElementById('autosave-offer');
  const serverAt = serverOffer?.dataset.savedAt ?? '';
  if (kept && !params.has('saved') && !params.has('recover') && !sameWords(kept.fields, current) && kept.at > serverAt) {
    const box = document.createElement('div');
    box.className = 'flash recover';
    box.setAttribute('role', 'alert');
    const p = document.createElement('p');
    p.textContent = s('editor.recoverLocal', { time: time.format(new Date(kept.at)) });
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.id = 'recover-local';
    restore.textContent = s('editor.restore');
    const discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'secondary';
    discard.textContent = s('editor.discard');
    restore.onclick = () => {
      for (const [k, v] of Object.entries(kept.fields)) {
        // The version comes back too: a copy made on an older version meets the conflict view on save.
        if (k === '_csrf' || k === 'bodyJson' || k === 'body') continue;
        const el = form.elements.namedItem(k);
        if (el && 'value' in el) (el as unknown as HTMLInputElement).value = v;
      }
      h.restoreBody(kept.fields);
      box.remove();
      serverOffer?.remove();
      changed();
    };
    discard.onclick = () => {
      localStorage.removeItem(storageKey);
      box.remove();
    };
    box.append(p, restore, ' ', discard);
    form.prepend(box);
  }

  return {
    changed,
    submitted: () => {
      submitting = true;
      clearTimeout(idle);
      keep(false);
    },
    saveNow,
  };
}
