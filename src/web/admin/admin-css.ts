/**
 * @module The editors' side's stylesheet, served from its own hashed address (the CSP allows no inline
 * styles). Logical properties only, so the Arabic interface mirrors without a second sheet.
 */
import { createHash } from 'node:crypto';
import { EDITOR_CSS } from './editor/editor-css.ts';

const BASE_CSS = `
:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #fbfaf7; --muted: #5b5b66; --line: #d9d6cf; --accent: #0b5cad; --bad: #a4161a; --ok: #2b7a2b; --add: #e6f4e6; --del: #fbe9e9; }
@media (prefers-color-scheme: dark) { :root { --fg: #eceae4; --bg: #17171a; --muted: #a5a5ad; --line: #3a3a40; --accent: #6aa9ff; --bad: #ff8a8a; --ok: #8fd18f; --add: #1f3a1f; --del: #3f1f1f; --on-accent: #0b1220; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 "Noto Naskh Arabic", "Source Serif 4", system-ui, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
.admin-head { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem 1rem; border-block-end: 1px solid var(--line); }
.admin-head nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; flex: 1; }
.admin-head form { display: inline; margin: 0; }
.brand { font-weight: 700; text-decoration: none; color: inherit; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin-block: .5rem 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin-block: 1.5rem .5rem; }
table { border-collapse: collapse; width: 100%; }
.table-scroll { overflow-x: auto; }
.table-scroll > table { min-width: 40rem; }
th, td { text-align: start; padding: .35rem .5rem; border-block-end: 1px solid var(--line); vertical-align: top; }
label { display: block; font-weight: 600; margin-block: .75rem .25rem; }
input[type=text], input[type=email], input[type=password], input[type=date], input[type=datetime-local], input[type=number], select, textarea { width: 100%; font: inherit; padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 4px; background: transparent; color: inherit; }
textarea { min-height: 6rem; }
textarea.body { min-height: 24rem; font-family: ui-monospace, monospace; font-size: .95rem; }
button, .button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: var(--on-accent, #fff); cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: transparent; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
.hint { color: var(--muted); font-size: .9rem; margin: .15rem 0; }
.flash { padding: .6rem .8rem; border-radius: 4px; border: 1px solid var(--line); margin-block-end: 1rem; }
.flash.error { border-color: var(--bad); color: var(--bad); }
.flash.ok { border-color: var(--ok); color: var(--ok); }
.field-error { color: var(--bad); font-size: .9rem; margin: .15rem 0; }
[aria-invalid="true"] { border-color: var(--bad); }
.row { display: flex; flex-wrap: wrap; gap: 1rem; }
.row > * { flex: 1 1 14rem; }
.queue li { margin-block: 0.4rem; }
.queue form.inline { display: inline-block; margin-inline-start: 0.5rem; }
.cols { display: grid; grid-template-columns: minmax(0, 2fr) minmax(14rem, 1fr); gap: 1.5rem; }
@media (max-width: 50rem) { .cols { grid-template-columns: 1fr; } }
.panel { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin-block-end: 1rem; }
.panel form { margin-block: .5rem; }
.status { font-size: .85rem; padding: .05rem .45rem; border-radius: 999px; border: 1px solid var(--line); white-space: nowrap; }
.status-published { border-color: var(--ok); color: var(--ok); }
.status-review, .status-scheduled { border-color: var(--accent); color: var(--accent); }
.preview { border: 1px dashed var(--line); padding: 1rem; border-radius: 6px; }
.diff { font-family: ui-monospace, monospace; font-size: .9rem; white-space: pre-wrap; unicode-bidi: plaintext; }
.diff .add { background: var(--add); }
.diff .del { background: var(--del); text-decoration: line-through; }
.diff span { display: block; }
.status-outdated { border-color: var(--bad); color: var(--bad); }
.sbs { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
@media (max-width: 50rem) { .sbs { grid-template-columns: 1fr; } }
.sbs-source { max-height: 90vh; overflow: auto; }
.sbs-aside { margin-block-start: 1.5rem; }
.sbs-diff { width: 100%; table-layout: fixed; border-collapse: collapse; font-family: inherit; font-size: .95rem; }
.sbs-diff td { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; border-inline-start: 1px solid var(--line); }
.sbs-diff td.add { background: var(--add); }
.sbs-diff td.del { background: var(--del); }
.sbs-diff td.fold { color: var(--muted); text-align: center; }
.tabs { gap: .5rem 1.25rem; flex-wrap: wrap; }
.tabs a[aria-current=page] { font-weight: bold; }
.signin { max-width: 24rem; margin: 3rem auto; }
.inline { display: inline; }
.nowrap { white-space: nowrap; }
.field-error { color: var(--bad); font-size: .9rem; margin: .15rem 0 0; }
[aria-invalid=true] { border-color: var(--bad) !important; border-width: 2px !important; }
input[type=url], input[type=tel], input[type=file] { width: 100%; font: inherit; padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 4px; background: transparent; color: inherit; }
fieldset { min-width: 0; }
legend { font-weight: 700; padding-inline: .3rem; }
.subnav { display: flex; gap: 1rem; margin-block-end: .5rem; }
.subnav [aria-current=page] { font-weight: 700; color: inherit; text-decoration: none; }
.menu-items td, .menu-items th { padding: .25rem; }
.menu-items td:nth-child(2) { width: 40%; }
.item-ops { white-space: nowrap; }
@media (max-width: 40rem) {
  .menu-items thead { display: none; }
  .menu-items tr { display: grid; grid-template-columns: 1.5rem 1fr; gap: .3rem; padding-block: .5rem; border-block-end: 1px solid var(--line); }
  .menu-items td, .menu-items th { border: 0; padding: 0; width: auto !important; }
  .menu-items td { grid-column: 2; }
}
.item-ops button { padding: .2rem .55rem; }
@media (max-width: 40rem) {
  .article-list thead { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .article-list tr { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .6rem; padding-block: .5rem; border-block-end: 1px solid var(--line); }
  .article-list td { display: block; border: 0; padding: 0; }
  .article-list td:first-child { flex: 1 1 100%; overflow-wrap: anywhere; }
  .article-list td:last-child { color: var(--muted); font-size: .85rem; }
}
.article-list td:first-child a { overflow-wrap: anywhere; }
button:disabled { opacity: .45; cursor: default; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.media-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.media-grid img, .thumb { max-width: 100%; height: auto; display: block; border-radius: 4px; background: var(--line); }
.media-grid img { width: 100%; aspect-ratio: 3 / 2; object-fit: cover; }
.photo-panel .thumb { width: 7.5rem; aspect-ratio: 1; object-fit: cover; border-radius: 50%; }
.missing-alt { color: var(--bad); font-weight: 600; }
code.secret { font-size: 1.1rem; letter-spacing: .1em; direction: ltr; unicode-bidi: isolate; }
/* An address beside a label: on the label's line when it fits, else whole on the next, left to right. */
bdi.path { display: inline-block; max-inline-size: 100%; vertical-align: top; overflow-wrap: anywhere; }
select { max-inline-size: 100%; }
select option { overflow: hidden; text-overflow: ellipsis; }
.related-list { padding-inline-start: 1.1rem; margin-block: .5rem; }
.related-item { margin-block: .5rem; }
.related-item .related-title, .related-item .related-kind, .related-kind bdi.path { display: block; overflow-wrap: anywhere; }
label.related-remove { display: inline-flex; align-items: center; gap: .3rem; font-weight: 400; margin: .1rem 0 0; }
`;

/** The whole sheet: the admin's own rules, then the rich-text editor's. */
export const ADMIN_CSS = BASE_CSS + EDITOR_CSS;

const hash = createHash('sha256').update(ADMIN_CSS).digest('base64url').slice(0, 12);

/** `/admin/assets/admin.<hash>.css`: the address changes with the content, so browsers may keep it. */
export const ADMIN_CSS_PATH = `/admin/assets/admin.${hash}.css`;
