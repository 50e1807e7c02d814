/**
 * @module An article's body: each block kind as the reader should see it. Citations become numbered
 * notes when the article's notes are given; editorial markers (a gap where the source lost text) show
 * only in the editors' view.
 */
import type { Block, Link } from '../../model/index.ts';
import { smartQuotes } from '../../text/index.ts';
import { t } from '../i18n/index.ts';
import { LinkedText } from './linked-text.tsx';
import { Picture } from '../media/picture.tsx';
import { safeHref } from './safe-href.ts';
import type { NoteRef, SourceNotes } from './source-notes.ts';

export interface BodyOptions {
  /** The article's numbered notes: citations render as note numbers linking to the source list. */
  notes?: SourceNotes;
  /** The editors' view: gap markers are shown. Readers never see them. */
  editorial?: boolean;
}

function BodyBlock(props: { block: Block; index: number; lang: string; options: BodyOptions }) {
  const { block, lang, index, options } = props;
  const notes = options.notes;
  const noteLabel = (note: NoteRef) => t(lang, 'article.noteRef', { n: note.label });
  const noteOf = notes ? (link: number) => notes.refOf(index, link) : undefined;
  const Text = (p: { text: string; links: Link[] }) => (
    <LinkedText text={p.text} lang={lang} links={p.links} noteOf={noteOf} noteLabel={noteLabel} />
  );
  switch (block.kind) {
    case 'paragraph':
      return (
        <p>
          <Text text={block.text} links={block.links} />
        </p>
      );
    case 'heading': {
      // The page's title is the h1; body headings start at h2.
      const level = Math.min(Math.max(block.level ?? 2, 2), 6);
      const Tag = `h${level}` as 'h2';
      return (
        <Tag>
          <Text text={block.text} links={block.links} />
        </Tag>
      );
    }
    case 'quote':
      return (
        <blockquote>
          <p>
            <Text text={block.text} links={block.links} />
          </p>
        </blockquote>
      );
    case 'note':
      return (
        <aside class="note">
          <p>
            <Text text={block.text} links={block.links} />
          </p>
        </aside>
      );
    case 'gap':
      if (!options.editorial) return null;
      return (
        <p class="gap" role="note">
          <span class="gap-mark" aria-hidden="true">
            […]
          </span>{' '}
          {t(lang, 'article.gap')}
        </p>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li>
          <LinkedText text={item.text} lang={lang} links={item.links} noteOf={notes ? (link) => notes.refOf(index, link, i) : undefined} noteLabel={noteLabel} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'image': {
      const src = safeHref(block.src);
      if (!src) return null;
      return (
        <figure class="figure">
          {/* A library image comes as the site's responsive picture (AVIF, WebP, JPEG at its widths). */}
          <Picture src={src} alt={block.alt} width={block.width ?? null} height={block.height ?? null} sizes="(min-width: 48rem) 44rem, 100vw" />
          {block.caption || block.credit ? (
            <figcaption>
              {block.caption ? smartQuotes(block.caption, lang) : null}
              {block.credit ? <span class="credit">{t(lang, 'article.credit', { credit: block.credit })}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      );
    }
    case 'table': {
      const [head, ...rows] = block.rows;
      if (!head) return null;
      return (
        <div class="table-wrap" role="region" aria-label={t(lang, 'article.table')} tabindex={0}>
          <table>
            <thead>
              <tr>
                {head.map((cell) => (
                  <th scope="col">{cell}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  {row.map((cell) => (
                    <td>{smartQuotes(cell, lang)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}

/**
 * @example <BodyBlocks blocks={article.body} lang="ar" notes={sourceNotes(article.body, article.sources, 'ar')} />
 * @example <BodyBlocks blocks={draft.body} lang="ar" editorial />  // the editor's preview, gaps marked
 */
export function BodyBlocks(props: { blocks: Block[]; lang: string } & BodyOptions) {
  const options: BodyOptions = { notes: props.notes, editorial: props.editorial };
  return <>{props.blocks.map((block, index) => <BodyBlock block={block} index={index} lang={props.lang} options={options} />)}</>;
}
