/**
 * @module The parts of an article page that depend on the article's own document alone (its body with
 * numbered notes, and the source list), rendered once per stored revision and reused. The key is the
 * document's `body` array itself: the reads the site goes through (read-cache.ts, the build's snapshot)
 * hand out the same object until a change tagged with the article drops it, so a new revision is a new
 * key and the old one is garbage, with no invalidation of our own. The HTML is our JSX output for the same
 * components, escaped as ever; only its reuse is new.
 */
import type { HtmlString } from '../jsx/html-string.ts';
import type { Article } from '../../model/index.ts';
import { t } from '../i18n/index.ts';
import { BodyBlocks } from './body-blocks.tsx';
import { noteNumber, sourceNotes, type SourceEntry, type SourceNotes } from './source-notes.ts';

export interface ArticleFragments {
  notes: SourceNotes;
  /** The body blocks, citations numbered. */
  body: HtmlString;
  /** The numbered source list (`<section>`), empty when the article cites none. */
  sources: HtmlString;
}

interface Kept extends ArticleFragments {
  sourcesOf: Article['sources'];
  lang: string;
}

const kept = new WeakMap<Article['body'], Kept>();

/** A source as a reader names it: its title (when the address gives one) and host, linked to the full address. */
function SourceName(props: { entry: SourceEntry }) {
  const { entry: s } = props;
  const name = (
    <>
      {s.title ? (
        <>
          <cite>{s.title}</cite>
          <span class="source-host">{s.host}</span>
        </>
      ) : (
        <span class="source-host only">{s.host}</span>
      )}
    </>
  );
  return s.href ? (
    <a class="source-link" href={s.href} rel="noopener" dir="auto" title={s.href}>
      {name}
    </a>
  ) : (
    <span class="source-link" dir="auto">
      {name}
    </span>
  );
}

function Sources(props: { notes: SourceNotes; lang: string }) {
  const { notes, lang } = props;
  if (!notes.entries.length) return null;
  return (
    <section aria-labelledby="sources-h">
      <h2 id="sources-h" class="section-title">
        {t(lang, 'article.sources')}
      </h2>
      <ol class="sources">
        {notes.entries.map((s) => (
          <li id={s.id}>
            <SourceName entry={s} />
            {s.backrefs.map((id, i) => (
              <>
                {' '}
                <a class="note-back" href={`#${id}`} aria-label={s.backrefs.length > 1 ? t(lang, 'article.noteBackN', { k: noteNumber(i + 1, lang) }) : t(lang, 'article.noteBack')}>
                  ↑{s.backrefs.length > 1 ? <sup>{noteNumber(i + 1, lang)}</sup> : null}
                </a>
              </>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The body and sources of `a`, rendered once for each stored revision.
 *
 * @example const f = articleFragments(article); <div class="article-body">{f.body}</div>{f.sources}
 */
export function articleFragments(a: Article): ArticleFragments {
  const hit = kept.get(a.body);
  if (hit && hit.sourcesOf === a.sources && hit.lang === a.lang) return hit;
  const notes = sourceNotes(a.body, a.sources, a.lang);
  const made: Kept = {
    notes,
    body: <BodyBlocks blocks={a.body} lang={a.lang} notes={notes} />,
    sources: <Sources notes={notes} lang={a.lang} />,
    sourcesOf: a.sources,
    lang: a.lang,
  };
  kept.set(a.body, made);
  return made;
}
