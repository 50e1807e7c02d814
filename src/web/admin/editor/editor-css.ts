/**
 * @module The rich-text editor's styles, appended to the admin's stylesheet (one hashed file, no inline
 * styles under the CSP). Logical properties throughout: the toolbar and the text mirror in Arabic.
 * The text itself is set as the article page sets it (same families, size and leading).
 */

export const EDITOR_CSS = `
.body-field { margin-block: .75rem; }
.body-head { display: flex; align-items: center; justify-content: space-between; gap: .5rem; margin-block: .75rem .25rem; }
.body-head .label { font-weight: 600; }
button.small { font-size: .85rem; padding: .15rem .6rem; }
.rich-editor { border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
.editor-toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .2rem; padding: .3rem; border-block-end: 1px solid var(--line); background: var(--bg); border-start-start-radius: 6px; border-start-end-radius: 6px; }
.editor-toolbar .tool { min-width: 2.4rem; min-height: 2.4rem; padding: .1rem .45rem; background: transparent; color: var(--fg); border: 1px solid transparent; font-size: .95rem; line-height: 1; }
.editor-toolbar .tool:hover, .editor-toolbar .tool:focus-visible { border-color: var(--line); }
.editor-toolbar .tool[aria-pressed=true] { border-color: var(--accent); color: var(--accent); }
.editor-toolbar .tool:disabled { opacity: .45; cursor: default; }
.editor-toolbar .sep { inline-size: 1px; background: var(--line); margin-inline: .2rem; }
.rich-text { min-height: 24rem; padding: .75rem 1rem; outline: none; font: 1.1rem/1.9 "Noto Naskh Arabic", "Source Serif 4", serif; white-space: pre-wrap; white-space: break-spaces; word-wrap: break-word; font-variant-ligatures: none; font-feature-settings: "liga" 0; }
.rich-text:focus-visible { box-shadow: inset 0 0 0 2px var(--accent); }
.rich-text p, .rich-text li, .rich-text h2, .rich-text h3, .rich-text h4, .rich-text h5, .rich-text h6, .rich-text blockquote, .rich-text aside { unicode-bidi: plaintext; text-align: start; }
.rich-text blockquote { margin-inline: 0; padding-inline-start: 1rem; border-inline-start: 3px solid var(--line); color: var(--muted); }
.rich-text aside.note { padding: .5rem .8rem; border: 1px solid var(--line); border-radius: 4px; font-size: .95rem; }
.rich-text p.gap { color: var(--muted); border: 1px dashed var(--line); text-align: center; }
.rich-text figure { margin: 1rem 0; }
.rich-text figure img { max-inline-size: 100%; block-size: auto; }
.rich-text figcaption { font-size: .9rem; color: var(--muted); }
.rich-text figcaption .missing { color: var(--bad); }
.rich-text table { border-collapse: collapse; margin: .75rem 0; }
.rich-text td, .rich-text th { border: 1px solid var(--line); min-inline-size: 4rem; padding: .25rem .5rem; position: relative; }
.rich-text tr:first-child td { font-weight: 700; }
.rich-text .selectedCell::after { content: ""; position: absolute; inset: 0; background: rgba(80, 140, 255, .2); pointer-events: none; }
.rich-text .cite-n { color: var(--accent); font-size: .7em; margin-inline-start: .1em; user-select: none; }
.rich-text .cite-n::before { content: "["; }
.rich-text .cite-n::after { content: "]"; }
.rich-text a.bare-link { font-size: .8em; padding: 0 .3em; border: 1px solid var(--line); border-radius: 3px; text-decoration: none; unicode-bidi: isolate; }
.rich-text .ProseMirror-selectednode { outline: 2px solid var(--accent); }
.rich-text.ProseMirror-hideselection *::selection { background: transparent; }
.ProseMirror-gapcursor { display: none; pointer-events: none; position: absolute; }
.ProseMirror-gapcursor:after { content: ""; display: block; position: absolute; top: -2px; width: 20px; border-top: 1px solid var(--fg); animation: ProseMirror-cursor-blink 1.1s steps(2, start) infinite; }
@keyframes ProseMirror-cursor-blink { to { visibility: hidden; } }
.ProseMirror-focused .ProseMirror-gapcursor { display: block; }
.editor-status:empty { display: none; }
.sources-box { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin-block: .75rem; }
.sources-box ol { margin: 0; padding-inline-start: 1.5rem; }
.small-title { font-size: 1rem; margin: .25rem 0; }
dialog.editor-dialog { border: 1px solid var(--line); border-radius: 8px; background: var(--bg); color: var(--fg); inline-size: min(32rem, 92vw); }
a.button.secondary { background: transparent; color: var(--accent); }
.flash.recover { border-color: var(--accent); }
.flash.recover p { margin: 0 0 .5rem; }
#autosave-status[data-kind=warn] { color: var(--bad); }
.conflict .diff { max-block-size: 24rem; overflow: auto; border: 1px solid var(--line); padding: .5rem; }
.authors-picker .chips { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem; margin: 0 0 .3rem; padding: 0; }
.authors-picker .chips li { display: inline-flex; align-items: center; gap: .2rem; border: 1px solid var(--line); border-radius: 999px; padding-inline: .6rem .2rem; }
.authors-picker .chip-remove { background: transparent; color: var(--fg); border: 0; padding: .1rem .45rem; min-width: 1.8rem; min-height: 1.8rem; }
.authors-picker .combo { position: relative; }
.authors-picker input { width: 100%; font: inherit; padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 4px; background: transparent; color: inherit; }
#author-options { position: absolute; z-index: 5; inset-inline: 0; top: 100%; margin: 0; padding: 0; list-style: none; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; max-block-size: 16rem; overflow: auto; }
#author-options li { padding: .35rem .6rem; cursor: pointer; }
#author-options li[aria-selected=true] { background: var(--accent); color: #fff; }
#author-options li[aria-selected=true] .hint { color: #fff; }
#author-options li[aria-disabled=true] { cursor: default; opacity: .7; }
@media (prefers-color-scheme: dark) { button, .button { color: #101114; } button.secondary, a.button.secondary { color: var(--accent); } }
dialog.editor-dialog::backdrop { background: rgba(0, 0, 0, .4); }
.image-dialog { inline-size: min(44rem, 94vw); }
.image-dialog .image-choices { display: grid; grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr)); gap: .5rem; max-block-size: 22rem; overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; margin: 0 0 .75rem; }
.image-dialog .image-choices legend { padding-inline: .3rem; }
.image-dialog .image-choices > p { grid-column: 1 / -1; margin: 0; }
.image-dialog .image-choice { position: relative; display: flex; flex-direction: column; gap: .2rem; padding: .35rem; border: 2px solid transparent; border-radius: 6px; cursor: pointer; }
.image-dialog .image-choice:has(input:checked) { border-color: var(--accent); }
.image-dialog .image-choice:has(input:focus-visible) { outline: 2px solid var(--accent); outline-offset: 2px; }
.image-dialog .image-choice input { position: absolute; opacity: 0; inline-size: 1px; block-size: 1px; }
.image-dialog .image-choice img { inline-size: 100%; block-size: auto; aspect-ratio: 4 / 3; object-fit: cover; border-radius: 4px; background: var(--line); }
.image-dialog .image-choice .name { font-size: .85rem; overflow-wrap: anywhere; }
.image-dialog .image-choice .hint { font-size: .75rem; }
.image-dialog label:not(.image-choice), .image-dialog input[type=text] { display: block; inline-size: 100%; }
`;
