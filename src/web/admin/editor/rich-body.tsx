/**
 * @module The body field of the edit page: the Markdown textarea (what works without JavaScript, and
 * the editor's Markdown mode), and beside it the rich-text editor's mount point, its data (the blocks
 * and the interface strings, as JSON data blocks the CSP does not run) and its script.
 */
import { raw } from '../../jsx/html-string.ts';
import type { ArticleForm, LibraryImage } from '../../../app/index.ts';
import { variantSrc } from '../../media/index.ts';
import type { Block } from '../../../model/index.ts';
import { at } from '../admin-i18n.ts';
import { editorStrings, et } from './editor-i18n.ts';
import { instituteTimeZone } from './edit-extras.ts';

/** JSON safe inside a `<script>` element: no `</script`, no `<!--`, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface RichBodyProps {
  lang: string;
  form: ArticleForm;
  dir: string;
  contentLang: string;
  bodyBlocks?: Block[] | null;
  editorScript?: string;
  canEdit: boolean;
  /** The media library's images, offered by the editor's image tool. */
  library?: LibraryImage[];
}

/** What the editor's image tool shows of a library image: a small variant to choose by, and the alt text in the article's language. */
export interface EditorImage {
  src: string;
  name: string;
  alt: string;
  width: number | null;
  height: number | null;
  thumb: string;
}

export function RichBody(props: RichBodyProps) {
  const { lang, form, dir, contentLang } = props;
  const rich = !!props.editorScript && !!props.bodyBlocks;
  return (
    <div class="body-field">
      {rich ? (
        <>
          <div class="body-head">
            <span class="label" id="body-label">
              {et(lang, 'editor.body')}
            </span>
            <button type="button" id="editor-md-toggle" class="secondary small" aria-pressed="false" title={et(lang, 'editor.markdownHint')} hidden>
              {et(lang, 'editor.markdown')}
            </button>
          </div>
          <div id="rich-editor" class="rich-editor" hidden data-lang={contentLang} data-dir={dir} data-time-zone={instituteTimeZone()} aria-labelledby="body-label"></div>
          <p id="editor-status" class="hint editor-status" role="status" aria-live="polite"></p>
          <p id="autosave-status" class="hint" role="status" aria-live="polite"></p>
        </>
      ) : null}
      <div id="md-body">
        <label for="f-body">{at(lang, 'edit.field.body')}</label>
        <textarea id="f-body" name="body" dir={dir} rows={24} class="body">
          {form.body}
        </textarea>
        <p class="hint">{at(lang, 'edit.field.bodyHint')}</p>
        {rich ? (
          <noscript>
            <p class="hint">{et(lang, 'editor.noscript')}</p>
          </noscript>
        ) : null}
      </div>
      {rich ? (
        <>
          <section class="sources-box" aria-labelledby="sources-label">
            <h2 id="sources-label" class="small-title">
              {et(lang, 'editor.sources')}
            </h2>
            <p class="hint">{et(lang, 'editor.sourcesHint')}</p>
            <div id="editor-sources" lang={contentLang}></div>
          </section>
          <script type="application/json" id="body-blocks">
            {raw(scriptJson(props.bodyBlocks))}
          </script>
          <script type="application/json" id="media-library">
            {raw(scriptJson((props.library ?? []).map((m): EditorImage => ({ src: m.src, name: m.name, alt: m.alt[contentLang] ?? '', width: m.width, height: m.height, thumb: variantSrc(m.src, m.width, 480) }))))}
          </script>
          <script type="application/json" id="editor-strings">
            {raw(scriptJson(editorStrings(lang)))}
          </script>
          <script src={props.editorScript} defer></script>
        </>
      ) : null}
    </div>
  );
}
