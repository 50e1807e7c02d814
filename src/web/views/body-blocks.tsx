/** @module An article's body: each block kind as the reader should see it. */
import type { Block } from '../../model/index.ts';
import { t } from '../i18n/index.ts';
import { LinkedText } from './linked-text.tsx';
import { safeHref } from './safe-href.ts';

function BodyBlock(props: { block: Block; lang: string }) {
  const { block, lang } = props;
  switch (block.kind) {
    case 'paragraph':
      return (
        <p>
          <LinkedText text={block.text} links={block.links} />
        </p>
      );
    case 'heading': {
      // The page's title is the h1; body headings start at h2.
      const level = Math.min(Math.max(block.level ?? 2, 2), 6);
      const Tag = `h${level}` as 'h2';
      return (
        <Tag>
          <LinkedText text={block.text} links={block.links} />
        </Tag>
      );
    }
    case 'quote':
      return (
        <blockquote>
          <p>
            <LinkedText text={block.text} links={block.links} />
          </p>
        </blockquote>
      );
    case 'note':
      return (
        <aside class="note">
          <p>
            <LinkedText text={block.text} links={block.links} />
          </p>
        </aside>
      );
    case 'gap':
      return (
        <p class="gap" role="note">
          <span class="gap-mark" aria-hidden="true">
            […]
          </span>{' '}
          {t(lang, 'article.gap')}
        </p>
      );
    case 'list': {
      const items = block.items.map((item) => (
        <li>
          <LinkedText text={item.text} links={item.links} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'image': {
      const src = safeHref(block.src);
      if (!src) return null;
      return (
        <figure class="figure">
          <img src={src} alt={block.alt} loading="lazy" decoding="async" />
          {block.caption || block.credit ? (
            <figcaption>
              {block.caption}
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
                    <td>{cell}</td>
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

/** @example <BodyBlocks blocks={article.body} lang="ar" /> */
export function BodyBlocks(props: { blocks: Block[]; lang: string }) {
  return <>{props.blocks.map((block) => <BodyBlock block={block} lang={props.lang} />)}</>;
}
