/**
 * @module Translations on the editors' side: the "outdated" badge, the note on a translation's edit page,
 * the source's changes since the translation was made as two columns (then | now), and the source panel
 * of the side-by-side view, which sits on the side its own direction reads from.
 */
import type { DiffLine, TranslationSource } from '../../app/index.ts';
import { dirOf, type Article } from '../../model/index.ts';
import { BodyBlocks } from '../views/body-blocks.tsx';
import { CsrfField } from './admin-layout.tsx';
import { at } from './admin-i18n.ts';

export function OutdatedBadge(props: { lang: string }) {
  return <span class="status status-outdated">{at(props.lang, 'tr.outdated')}</span>;
}

/** A translation's relation to its source, as the edit page states it. */
export interface TranslationNoteData {
  source: TranslationSource['source'];
  sourceVersion: number;
  outdated: boolean;
}

export function TranslationNote(props: { lang: string; id: string; note: TranslationNoteData }) {
  const { lang, note } = props;
  const title = note.source.title;
  return (
    <p class={note.outdated ? 'flash error translation-note' : 'hint translation-note'} role={note.outdated ? 'status' : undefined}>
      {note.outdated ? <OutdatedBadge lang={lang} /> : null}{' '}
      {note.outdated
        ? at(lang, 'tr.outdatedNote', { title, from: note.sourceVersion, to: note.source.version })
        : at(lang, 'tr.upToDateNote', { title, v: note.sourceVersion })}{' '}
      <a href={`/admin/articles/${props.id}/translate`}>{at(lang, 'tr.sideBySide')}</a>
    </p>
  );
}

/** Deleted and added runs side by side, kept lines on both sides. */
function rowsOf(lines: DiffLine[]): { then: DiffLine | null; now: DiffLine | null }[] {
  const rows: { then: DiffLine | null; now: DiffLine | null }[] = [];
  let dels: DiffLine[] = [];
  let adds: DiffLine[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(dels.length, adds.length); i++) rows.push({ then: dels[i] ?? null, now: adds[i] ?? null });
    dels = [];
    adds = [];
  };
  for (const l of lines) {
    if (l.op === 'del') dels.push(l);
    else if (l.op === 'add') adds.push(l);
    else {
      flush();
      rows.push({ then: l, now: l });
    }
  }
  flush();
  return rows;
}

/** Lines around a change kept for context; the rest of an unchanged stretch folds to "…". */
const CONTEXT = 1;

export function SourceDiff(props: { lang: string; sourceLang: string; from: number; to: number; lines: DiffLine[] }) {
  const { lang } = props;
  const rows = rowsOf(props.lines);
  const near = rows.map((_, i) => rows.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((r) => r.then?.op !== 'same'));
  const cell = (l: DiffLine | null) => <td class={l ? l.op : 'none'}>{l?.text ?? ''}</td>;
  return (
    <section class="source-diff" aria-label={at(lang, 'tr.changesTitle', { from: props.from })}>
      <h3>{at(lang, 'tr.changesTitle', { from: props.from })}</h3>
      <table class="diff sbs-diff" lang={props.sourceLang} dir={dirOf(props.sourceLang)}>
        <thead lang={lang} dir={dirOf(lang)}>
          <tr>
            <th>{at(lang, 'tr.then', { v: props.from })}</th>
            <th>{at(lang, 'tr.now', { v: props.to })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) =>
            near[i] ? (
              <tr>
                {cell(r.then)}
                {cell(r.now)}
              </tr>
            ) : i === 0 || near[i - 1] ? (
              <tr>
                <td class="fold">…</td>
                <td class="fold">…</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    </section>
  );
}

/** The left or right half of the side-by-side view: the source as it reads now, its changes, and "mark up to date". */
export function SourcePanel(props: { lang: string; csrf: string; id: string; source: Article; found: TranslationSource; diff: DiffLine[] }) {
  const { lang, source, found } = props;
  const changed = props.diff.some((l) => l.op !== 'same');
  return (
    <>
      <h2>
        {at(lang, 'tr.source')}: <a href={`/admin/articles/${source.id}`} lang={source.lang} dir="auto">{source.title}</a>{' '}
        {found.outdated ? <OutdatedBadge lang={lang} /> : null}
      </h2>
      {changed ? (
        <SourceDiff lang={lang} sourceLang={source.lang} from={found.sourceVersion} to={found.source.version} lines={props.diff} />
      ) : (
        <p class="hint">{at(lang, 'tr.noChanges')}</p>
      )}
      {found.outdated ? (
        <form method="post" action={`/admin/articles/${props.id}/up-to-date`}>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="sourceVersion" value={String(found.source.version)} />
          <button type="submit" class="secondary">
            {at(lang, 'tr.markUpToDate', { v: found.source.version })}
          </button>
        </form>
      ) : null}
      <article class="source-text" lang={source.lang} dir={dirOf(source.lang)}>
        <h3>{source.title}</h3>
        <p>
          <strong>{source.summary}</strong>
        </p>
        <BodyBlocks blocks={source.body} lang={source.lang} editorial />
      </article>
    </>
  );
}
