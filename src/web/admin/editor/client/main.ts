/**
 * @module The article editor in the browser: ProseMirror over Mizan's blocks, mounted in place of the
 * Markdown textarea (which stays the page's fallback without JavaScript, and a mode the writer can switch
 * to). The document's blocks are posted with the form as JSON in `bodyJson`; the server validates and
 * sanitizes them like any other input. Links are citations: each gets the number of its source in the
 * list beside the text, in order of first citation, as the site numbers them.
 */
import { baseKeymap, setBlockType, toggleMark } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { gapCursor } from 'prosemirror-gapcursor';
import { keymap } from 'prosemirror-keymap';
import type { Node as PmNode } from 'prosemirror-model';
import { liftListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { EditorState, NodeSelection, Plugin, type Command, type Transaction } from 'prosemirror-state';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, goToNextCell, tableEditing } from 'prosemirror-tables';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import type { Block } from '../../../../model/index.ts';
import { canonicalUrl } from '../../../../ingest/canonical-url.ts';
import { blocksFromDoc, docFromBlocks } from './blocks.ts';
import { cleanPastedHtml } from './paste.ts';
import { schema } from './schema.ts';
import { safeUrl } from './safe-url.ts';
import { startAutosave, type Autosave } from './autosave.ts';
import { mountAuthors } from './authors.ts';
import type { EditorImage } from '../rich-body.tsx';

/** A paste larger than this is refused whole (the form's own limit is 2 MB). */
export const MAX_PASTE_CHARS = 1_000_000;

type Strings = Record<string, string>;
let S: Strings = {};
const s = (key: string, vars: Record<string, string | number> = {}) => (S[key] ?? key).replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w));

// ---- citations: numbered in order of first citation, like the article page's source list ----------------

interface Cited {
  url: string;
  host: string;
  n: number;
}

function citations(doc: PmNode): { list: Cited[]; at: { pos: number; n: number }[] } {
  const byUrl = new Map<string, Cited>();
  const at: { pos: number; n: number }[] = [];
  const cite = (url: string, pos: number) => {
    const c = canonicalUrl(url);
    if (!c) return;
    let seen = byUrl.get(c.url);
    if (!seen) byUrl.set(c.url, (seen = { url: c.url, host: c.host, n: byUrl.size + 1 }));
    at.push({ pos, n: seen.n });
  };
  doc.descendants((node, pos) => {
    if (node.type === schema.nodes.bare_link) cite(node.attrs.href, pos + 1);
    else if (node.isText) {
      const link = node.marks.find((m) => m.type === schema.marks.link);
      // One number per link: at the end of its last text node.
      if (link) {
        const after = doc.resolve(pos + node.nodeSize).nodeAfter;
        if (!after || !link.isInSet(after.marks)) cite(link.attrs.href, pos + node.nodeSize);
      }
    }
    return !node.isTextblock || node.type !== schema.nodes.table_cell;
  });
  return { list: [...byUrl.values()], at };
}

function citationPlugin(onList: (list: Cited[]) => void): Plugin {
  const build = (doc: PmNode) => {
    const { list, at } = citations(doc);
    onList(list);
    return DecorationSet.create(
      doc,
      at.map(({ pos, n }) =>
        Decoration.widget(pos, () => {
          const sup = document.createElement('sup');
          sup.className = 'cite-n';
          sup.textContent = String(n);
          sup.setAttribute('aria-label', s('editor.sourceN', { n }));
          return sup;
        }, { side: 1, key: `c${pos}-${n}` }),
      ),
    );
  };
  let plugin: Plugin;
  // Numbering walks the whole document: while typing, the numbers move with the text (mapped), and are
  // counted again after a pause, or at once when a link was added or removed.
  const touchesLinks = (tr: Transaction) =>
    tr.steps.some((step) => {
      const j = step.toJSON() as { stepType?: string; mark?: { type?: string }; slice?: { content?: unknown[] } };
      return (j.mark?.type === 'link') || JSON.stringify(j.slice ?? '').includes('"link"') || JSON.stringify(j.slice ?? '').includes('bare_link');
    });
  plugin = new Plugin({
    state: {
      init: (_, state) => build(state.doc),
      apply: (tr, old) => {
        if (tr.getMeta(plugin) === 'recount' || (tr.docChanged && touchesLinks(tr))) return build(tr.doc);
        return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
      },
    },
    props: { decorations: (state) => plugin.getState(state) },
    view: () => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      return {
        update: (view, prev) => {
          if (view.state.doc === prev.doc) return;
          clearTimeout(timer);
          timer = setTimeout(() => view.dispatch(view.state.tr.setMeta(plugin, 'recount')), 500);
        },
        destroy: () => clearTimeout(timer),
      };
    },
  });
  return plugin;
}


// ---- a small dialog for addresses and image details ---------------------------------------------------

interface FieldSpec {
  name: string;
  label: string;
  value?: string;
  required?: boolean;
  dir?: string;
  list?: string[];
}

function ask(title: string, fields: FieldSpec[]): Promise<Record<string, string> | null> {
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'editor-dialog';
    const form = document.createElement('form');
    form.method = 'dialog';
    const h = document.createElement('h2');
    h.textContent = title;
    form.append(h);
    fields.forEach((f, i) => {
      const id = `ed-${f.name}-${i}`;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = f.label;
      const input = document.createElement('input');
      input.id = id;
      input.name = f.name;
      input.type = 'text';
      input.value = f.value ?? '';
      input.required = !!f.required;
      input.dir = f.dir ?? 'auto';
      if (f.list?.length) {
        const dl = document.createElement('datalist');
        dl.id = `${id}-list`;
        for (const v of f.list) {
          const o = document.createElement('option');
          o.value = v;
          dl.append(o);
        }
        input.setAttribute('list', dl.id);
        form.append(dl);
      }
      form.append(label, input);
    });
    const buttons = document.createElement('p');
    const ok = document.createElement('button');
    ok.type = 'submit';
    ok.value = 'ok';
    ok.textContent = s('editor.ok');
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'secondary';
    cancel.textContent = s('editor.cancel');
    cancel.onclick = () => dialog.close('cancel');
    buttons.append(ok, ' ', cancel);
    form.append(buttons);
    dialog.append(form);
    document.body.append(dialog);
    dialog.addEventListener('close', () => {
      const values: Record<string, string> = {};
      for (const f of fields) values[f.name] = (form.elements.namedItem(f.name) as HTMLInputElement).value.trim();
      dialog.remove();
      resolve(dialog.returnValue === 'ok' ? values : null);
    });
    dialog.showModal();
  });
}

// ---- commands ----------------------------------------------------------------------------------------

function linkAt(state: EditorState): { from: number; to: number; href: string } | null {
  const { $from } = state.selection;
  const mark = schema.marks.link.isInSet($from.marks()) ?? ($from.nodeAfter && schema.marks.link.isInSet($from.nodeAfter.marks));
  if (!mark) return null;
  let from = $from.pos;
  let to = $from.pos;
  const parent = $from.parent;
  const start = $from.start();
  parent.forEach((child, offset) => {
    const a = start + offset;
    const b = a + child.nodeSize;
    if (mark.isInSet(child.marks) && a <= $from.pos && b >= $from.pos) {
      from = Math.min(from, a);
      to = Math.max(to, b);
    }
  });
  return { from, to, href: mark.attrs.href };
}

let linkKeys = 0;

async function editLink(view: EditorView, sources: () => Cited[]): Promise<void> {
  const { state } = view;
  const existing = linkAt(state);
  const values = await ask(s('editor.link'), [{ name: 'href', label: s('editor.linkUrl'), value: existing?.href ?? '', dir: 'ltr', list: sources().map((c) => c.url) }]);
  view.focus();
  if (!values) return;
  const now = view.state;
  if (!values.href) {
    if (existing) view.dispatch(now.tr.removeMark(existing.from, existing.to, schema.marks.link));
    return;
  }
  const href = safeUrl(values.href);
  if (!href) {
    flash(s('editor.badUrl'));
    return;
  }
  const mark = schema.marks.link.create({ href, key: `e${++linkKeys}` });
  if (existing) {
    view.dispatch(now.tr.removeMark(existing.from, existing.to, schema.marks.link).addMark(existing.from, existing.to, mark));
  } else if (now.selection.empty) {
    // No words chosen: a citation marker at the caret (a link with no anchor text).
    view.dispatch(now.tr.replaceSelectionWith(schema.nodes.bare_link.create({ href })));
  } else {
    view.dispatch(now.tr.addMark(now.selection.from, now.selection.to, mark));
  }
}

/** A library image as the page lists it for the image tool (rich-body.tsx writes them). */
type LibraryItem = EditorImage;

let library: LibraryItem[] = [];
let contentLangOf = () => 'ar';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/**
 * The image tool: one of the media library's images (shown small, chosen like a radio button), its alt
 * text in the article's language (the library's, when it has one, until the writer types their own),
 * caption and credit. A selected image opens with its details; an image the library does not hold (an
 * outside address from an old import) stays choosable as it is.
 */
function chooseImage(current: Record<string, string | number | null> | null): Promise<(LibraryItem & { caption: string; credit: string }) | null> {
  return new Promise((resolve) => {
    const dialog = el('dialog', { className: 'editor-dialog image-dialog' });
    const form = el('form', { method: 'dialog' });
    form.append(el('h2', {}, s('editor.image')));
    const items = [...library];
    if (current?.src && !items.some((m) => m.src === current.src)) {
      items.unshift({ src: String(current.src), name: s('editor.imageOutside'), alt: String(current.alt ?? ''), width: (current.width as number) ?? null, height: (current.height as number) ?? null, thumb: String(current.src) });
    }
    const fieldset = el('fieldset', { className: 'image-choices' }, el('legend', {}, s('editor.imagePick')));
    if (!items.length) {
      fieldset.append(el('p', {}, s('editor.libraryEmpty'), ' ', el('a', { href: '/admin/media', target: '_blank' }, s('editor.libraryUpload'))));
    }
    const alt = el('input', { id: 'ed-image-alt', name: 'alt', type: 'text', required: true, dir: 'auto', value: String(current?.alt ?? '') });
    alt.lang = contentLangOf();
    alt.maxLength = 400;
    // The library's alt text fills the field until the writer types their own.
    let typed = !!current?.alt;
    alt.addEventListener('input', () => (typed = alt.value.trim() !== ''));
    items.forEach((m, i) => {
      const radio = el('input', { type: 'radio', name: 'src', value: m.src, id: `ed-image-${i}`, required: true, checked: m.src === current?.src });
      radio.addEventListener('change', () => {
        if (!typed) alt.value = m.alt;
      });
      const img = el('img', { src: m.thumb, alt: '', loading: 'lazy' });
      if (m.width && m.height) {
        img.width = 120;
        img.height = Math.round((120 * m.height) / m.width);
      }
      const label = el('label', { htmlFor: radio.id, className: 'image-choice' }, radio, img, el('span', { className: 'name', dir: 'auto' }, m.name), el('span', { className: 'hint', dir: 'auto' }, m.alt || s('editor.imageNoAlt')));
      fieldset.append(label);
    });
    form.append(fieldset);
    const field = (input: HTMLInputElement, label: string) => form.append(el('label', { htmlFor: input.id }, label), input);
    field(alt, s('editor.imageAlt'));
    field(el('input', { id: 'ed-image-caption', name: 'caption', type: 'text', dir: 'auto', value: String(current?.caption ?? '') }), s('editor.imageCaption'));
    field(el('input', { id: 'ed-image-credit', name: 'credit', type: 'text', dir: 'auto', value: String(current?.credit ?? '') }), s('editor.imageCredit'));
    const ok = el('button', { type: 'submit', value: 'ok', disabled: !items.length }, s('editor.ok'));
    const cancel = el('button', { type: 'button', className: 'secondary' }, s('editor.cancel'));
    cancel.onclick = () => dialog.close('cancel');
    form.append(el('p', {}, ok, ' ', cancel));
    dialog.append(form);
    document.body.append(dialog);
    dialog.addEventListener('close', () => {
      const data = new FormData(form);
      const chosen = items.find((m) => m.src === data.get('src'));
      dialog.remove();
      if (dialog.returnValue !== 'ok' || !chosen) return resolve(null);
      resolve({ ...chosen, alt: String(data.get('alt') ?? '').trim(), caption: String(data.get('caption') ?? '').trim(), credit: String(data.get('credit') ?? '').trim() });
    });
    dialog.showModal();
  });
}

async function editImage(view: EditorView): Promise<void> {
  const sel = view.state.selection;
  const node = sel instanceof NodeSelection && sel.node.type === schema.nodes.image ? sel.node : null;
  const chosen = await chooseImage(node ? node.attrs : null);
  view.focus();
  if (!chosen) return;
  const src = safeUrl(chosen.src);
  if (!src) return flash(s('editor.badUrl'));
  if (!chosen.alt) return flash(s('editor.altNeeded'));
  const attrs = { src, alt: chosen.alt, caption: chosen.caption, credit: chosen.credit, width: chosen.width, height: chosen.height };
  const tr = node ? view.state.tr.setNodeMarkup(sel.from, undefined, attrs) : view.state.tr.replaceSelectionWith(schema.nodes.image.create(attrs));
  view.dispatch(tr.scrollIntoView());
}

function insertTable(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const n = schema.nodes;
  const row = () => n.table_row.create(null, [n.table_cell.create(), n.table_cell.create()]);
  const table = n.table.create(null, [row(), row()]);
  if (dispatch) dispatch(state.tr.replaceSelectionWith(table).scrollIntoView());
  return true;
}

function insertGap(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.gap.create()).scrollIntoView());
  return true;
}

function inList(state: EditorState, type: typeof schema.nodes.bullet_list): boolean {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
  return false;
}

function toggleList(type: typeof schema.nodes.bullet_list): Command {
  return (state, dispatch) => {
    if (inList(state, type)) return liftListItem(schema.nodes.list_item)(state, dispatch);
    const other = type === schema.nodes.bullet_list ? schema.nodes.ordered_list : schema.nodes.bullet_list;
    if (inList(state, other)) {
      // Switch the list's kind in place.
      const { $from } = state.selection;
      for (let d = $from.depth; d > 0; d--) {
        if ($from.node(d).type === other) {
          if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(d), type));
          return true;
        }
      }
    }
    return wrapInList(type)(state, dispatch);
  };
}

// ---- the toolbar ----------------------------------------------------------------------------------------

interface Tool {
  id: string;
  label: string;
  icon: string;
  run: Command | ((view: EditorView) => void | Promise<void>);
  active?: (state: EditorState) => boolean;
  async?: boolean;
}

function blockIs(state: EditorState, type: typeof schema.nodes.paragraph, attrs?: Record<string, unknown>): boolean {
  const { $from } = state.selection;
  return $from.parent.type === type && (!attrs || Object.entries(attrs).every(([k, v]) => $from.parent.attrs[k] === v));
}

function tools(sources: () => Cited[]): (Tool | '|')[] {
  const n = schema.nodes;
  return [
    { id: 'paragraph', label: s('editor.paragraph'), icon: '¶', run: setBlockType(n.paragraph), active: (st) => blockIs(st, n.paragraph) },
    { id: 'h2', label: s('editor.heading', { n: 2 }), icon: 'H2', run: setBlockType(n.heading, { level: 2 }), active: (st) => blockIs(st, n.heading, { level: 2 }) },
    { id: 'h3', label: s('editor.heading', { n: 3 }), icon: 'H3', run: setBlockType(n.heading, { level: 3 }), active: (st) => blockIs(st, n.heading, { level: 3 }) },
    { id: 'quote', label: s('editor.quote'), icon: '❝', run: setBlockType(n.quote), active: (st) => blockIs(st, n.quote) },
    { id: 'note', label: s('editor.note'), icon: '※', run: setBlockType(n.note), active: (st) => blockIs(st, n.note) },
    '|',
    { id: 'ul', label: s('editor.bulletList'), icon: '•', run: toggleList(n.bullet_list), active: (st) => inList(st, n.bullet_list) },
    { id: 'ol', label: s('editor.orderedList'), icon: '1.', run: toggleList(n.ordered_list), active: (st) => inList(st, n.ordered_list) },
    '|',
    { id: 'link', label: s('editor.link'), icon: 'link', run: (view: EditorView) => editLink(view, sources), async: true, active: (st) => !!linkAt(st) },
    { id: 'image', label: s('editor.image'), icon: 'image', run: (view: EditorView) => editImage(view), async: true },
    { id: 'table', label: s('editor.table'), icon: 'table', run: insertTable },
    { id: 'row', label: s('editor.addRow'), icon: '+▤', run: addRowAfter },
    { id: 'col', label: s('editor.addColumn'), icon: '+▥', run: addColumnAfter },
    { id: 'delrow', label: s('editor.deleteRow'), icon: '−▤', run: deleteRow },
    { id: 'delcol', label: s('editor.deleteColumn'), icon: '−▥', run: deleteColumn },
    { id: 'gap', label: s('editor.gap'), icon: '[…]', run: insertGap },
    '|',
    { id: 'undo', label: s('editor.undo'), icon: '↶', run: undo },
    { id: 'redo', label: s('editor.redo'), icon: '↷', run: redo },
  ];
}

const SVG_ICONS: Record<string, string> = {
  link: 'M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15.5 9.5a1 1 0 1 0 0-.01',
  table: 'M4 5h16v14H4zM4 10h16M4 15h16M10 5v14',
};

/** A tool's icon: a few drawn ones (fonts lack good link and image glyphs), else text. */
function iconOf(icon: string): Element {
  const path = SVG_ICONS[icon];
  if (!path) {
    const span = document.createElement('span');
    span.setAttribute('aria-hidden', 'true');
    span.textContent = icon;
    return span;
  }
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '1.8');
  svg.setAttribute('stroke-linecap', 'round');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

function buildToolbar(view: EditorView, list: (Tool | '|')[]): { el: HTMLElement; update: (state: EditorState) => void } {
  const el = document.createElement('div');
  el.className = 'editor-toolbar';
  el.setAttribute('role', 'toolbar');
  el.setAttribute('aria-label', s('editor.toolbar'));
  const buttons: [Tool, HTMLButtonElement][] = [];
  for (const t of list) {
    if (t === '|') {
      const sep = document.createElement('span');
      sep.className = 'sep';
      sep.setAttribute('aria-hidden', 'true');
      el.append(sep);
      continue;
    }
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'tool';
    b.dataset.tool = t.id;
    b.title = t.label;
    b.setAttribute('aria-label', t.label);
    b.append(iconOf(t.icon));
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', () => {
      if (t.async) void (t.run as (v: EditorView) => Promise<void>)(view);
      else {
        (t.run as Command)(view.state, view.dispatch, view);
        view.focus();
      }
    });
    buttons.push([t, b]);
    el.append(b);
  }
  const update = (state: EditorState) => {
    for (const [t, b] of buttons) {
      if (!t.async) b.disabled = !(t.run as Command)(state);
      if (t.active) b.setAttribute('aria-pressed', String(t.active(state)));
    }
  };
  return { el, update };
}

// ---- messages ------------------------------------------------------------------------------------------

let statusEl: HTMLElement | null = null;
function flash(text: string): void {
  if (statusEl) statusEl.textContent = text;
}

// ---- mounting ------------------------------------------------------------------------------------------

export interface MountedEditor {
  view: EditorView;
  blocks(): Block[];
  autosave: Autosave;
}

function readJson<T>(id: string): T | null {
  const el = document.getElementById(id);
  if (!el?.textContent) return null;
  try {
    return JSON.parse(el.textContent) as T;
  } catch {
    return null;
  }
}

function mount(): MountedEditor | null {
  const host = document.getElementById('rich-editor');
  const form = document.getElementById('article-form') as HTMLFormElement | null;
  const textarea = document.getElementById('f-body') as HTMLTextAreaElement | null;
  const mdBox = document.getElementById('md-body');
  if (!host || !form || !textarea || !mdBox) return null;
  S = readJson<Strings>('editor-strings') ?? {};
  const initial = readJson<Block[]>('body-blocks');
  library = readJson<LibraryItem[]>('media-library') ?? [];
  const contentLang = host.dataset.lang ?? 'ar';

  const bodyJson = document.createElement('input');
  bodyJson.type = 'hidden';
  bodyJson.name = 'bodyJson';
  form.append(bodyJson);

  statusEl = document.getElementById('editor-status');
  const sourcesEl = document.getElementById('editor-sources');
  let cited: Cited[] = [];
  const showSources = (list: Cited[]) => {
    cited = list;
    if (!sourcesEl) return;
    const ol = document.createElement('ol');
    for (const c of list) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = c.url;
      a.rel = 'noopener';
      a.target = '_blank';
      a.dir = 'ltr';
      a.textContent = c.host;
      a.title = c.url;
      li.append(a);
      ol.append(li);
    }
    sourcesEl.replaceChildren(...(list.length ? [ol] : []));
  };

  const cites = citationPlugin(showSources);
  let toolbar: ReturnType<typeof buildToolbar> | null = null;
  let syncTimer: ReturnType<typeof setTimeout> | undefined;
  let autosave: Autosave | null = null;
  const sync = () => {
    clearTimeout(syncTimer);
    syncTimer = undefined;
    bodyJson.value = JSON.stringify(blocksFromDoc(view.state.doc));
  };

  const state = EditorState.create({
    doc: docFromBlocks(initial ?? []),
    plugins: [
      history(),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Mod-Shift-z': redo,
        'Mod-k': (_st, _d, v) => (v ? (void editLink(v, () => cited), true) : false),
        Enter: splitListItem(schema.nodes.list_item),
        Tab: goToNextCell(1),
        'Shift-Tab': goToNextCell(-1),
        'Shift-Enter': (st, dispatch) => {
          dispatch?.(st.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
          return true;
        },
      }),
      keymap(baseKeymap),
      gapCursor(),
      tableEditing(),
      cites,
    ],
  });

  const mountPoint = document.createElement('div');
  mountPoint.className = 'editor-surface';
  const view: EditorView = new EditorView(mountPoint, {
    state,
    attributes: { class: 'rich-text', lang: contentLang, dir: host.dataset.dir ?? 'rtl', role: 'textbox', 'aria-multiline': 'true', 'aria-label': s('editor.body'), spellcheck: 'true' },
    transformPastedHTML: cleanPastedHtml,
    // Double-clicking an image opens its details (the image tool does the same for a selected image).
    handleDoubleClickOn: (v, _pos, node, nodePos, _event, direct) => {
      if (!direct || node.type !== schema.nodes.image) return false;
      v.dispatch(v.state.tr.setSelection(NodeSelection.create(v.state.doc, nodePos)));
      void editImage(v);
      return true;
    },
    handlePaste: (_v, event) => {
      const data = event.clipboardData;
      const size = Math.max(data?.getData('text/html').length ?? 0, data?.getData('text/plain').length ?? 0);
      if (size > MAX_PASTE_CHARS) {
        flash(s('editor.pasteTooBig', { mb: (size / 1e6).toFixed(1), max: (MAX_PASTE_CHARS / 1e6).toFixed(0) }));
        return true;
      }
      return false;
    },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      toolbar?.update(view.state);
      if (tr.docChanged) {
        // Reading the blocks back walks the whole document: wait for a pause in typing.
        clearTimeout(syncTimer);
        syncTimer = setTimeout(sync, 400);
        autosave?.changed();
      }
    },
  });
  toolbar = buildToolbar(view, tools(() => cited));
  toolbar.update(view.state);


  // Markdown as a second way to write: the server converts both ways with the importer's own reader.
  const mdToggle = document.getElementById('editor-md-toggle') as HTMLButtonElement | null;
  let markdownMode = false;
  const csrf = (form.elements.namedItem('_csrf') as HTMLInputElement | null)?.value ?? '';
  const convert = async (fields: Record<string, string>): Promise<{ markdown?: string; blocks?: Block[]; error?: string }> => {
    const res = await fetch('/admin/editor/convert', { method: 'POST', body: new URLSearchParams({ _csrf: csrf, ...fields }), headers: { accept: 'application/json' } });
    return (await res.json()) as { markdown?: string; blocks?: Block[]; error?: string };
  };
  mdToggle?.addEventListener('click', async () => {
    mdToggle.disabled = true;
    try {
      if (!markdownMode) {
        sync();
        const out = await convert({ to: 'markdown', blocks: bodyJson.value });
        if (out.markdown === undefined) return flash(out.error ?? s('editor.convertFailed'));
        textarea.value = out.markdown;
        textarea.disabled = false;
        bodyJson.disabled = true;
        host.hidden = true;
        mdBox.hidden = false;
        markdownMode = true;
        mdToggle.setAttribute('aria-pressed', 'true');
        textarea.focus();
      } else {
        const out = await convert({ to: 'blocks', markdown: textarea.value });
        if (!out.blocks) return flash(out.error ?? s('editor.convertFailed'));
        setBlocks(out.blocks);
        textarea.disabled = true;
        bodyJson.disabled = false;
        host.hidden = false;
        mdBox.hidden = true;
        markdownMode = false;
        mdToggle.setAttribute('aria-pressed', 'false');
        view.focus();
      }
    } catch {
      flash(s('editor.offline'));
    } finally {
      mdToggle.disabled = false;
    }
  });

  const setBlocks = (blocks: Block[]) => {
    const doc = docFromBlocks(blocks);
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content));
    sync();
  };

  form.addEventListener('submit', () => {
    if (!markdownMode) sync();
    autosave?.submitted();
  });

  host.replaceChildren(toolbar.el, mountPoint);
  host.hidden = false;
  mdBox.hidden = true;
  textarea.disabled = true;
  if (mdToggle) mdToggle.hidden = false;
  sync();
  autosave = startAutosave({
    form,
    flush: () => {
      if (!markdownMode) sync();
    },
    restoreBody: (fields) => {
      if (fields.bodyJson) {
        try {
          setBlocks(JSON.parse(fields.bodyJson) as Block[]);
          return;
        } catch {
          // fall through to the Markdown
        }
      }
      if (fields.body) void convert({ to: 'blocks', markdown: fields.body }).then((out) => out.blocks && setBlocks(out.blocks));
    },
    strings: s,
    uiLang: document.documentElement.lang,
    timeZone: host.dataset.timeZone || undefined,
  });
  const authors = document.getElementById('f-authors') as HTMLTextAreaElement | null;
  // A new article's language can still change: the picker and the text follow the language select.
  const langSelect = document.getElementById('f-lang') as HTMLSelectElement | null;
  const currentLang = () => langSelect?.value || contentLang;
  contentLangOf = currentLang;
  langSelect?.addEventListener('change', () => {
    view.dom.setAttribute('lang', currentLang());
    view.dom.setAttribute('dir', currentLang() === 'ar' ? 'rtl' : 'ltr');
  });
  if (authors) mountAuthors(authors, currentLang, s);
  const editor: MountedEditor = { view, blocks: () => blocksFromDoc(view.state.doc), autosave };
  (window as unknown as { mizanEditor: MountedEditor }).mizanEditor = editor;
  return editor;
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
