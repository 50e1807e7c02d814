/**
 * @module What the edit page says when words might be lost: an autosave this account made and never
 * saved (restore or discard it), and a lost race (the version saved now against the writer's text, line
 * by line, and an explicit choice: replace that version with their text, or drop it and open the saved
 * one). Nothing is ever overwritten without the writer seeing what they replace.
 */
import { lineDiff, type ArticleForm } from '../../../app/index.ts';
import { dirOf } from '../../../model/index.ts';
import { at } from '../admin-i18n.ts';
import { CsrfField } from '../admin-layout.tsx';
import { et } from './editor-i18n.ts';

export function RecoveryOffer(props: { lang: string; id: string; csrf: string; savedAt: string; when: string }) {
  const base = `/admin/articles/${props.id}`;
  return (
    <div class="flash recover" role="alert" id="autosave-offer" data-saved-at={props.savedAt}>
      <p>{et(props.lang, 'editor.recoverServer', { time: props.when })}</p>
      <a class="button" href={`${base}?recover=1`} id="recover-server">
        {et(props.lang, 'editor.restore')}
      </a>{' '}
      <form method="post" action={`${base}/autosave/discard`} class="inline">
        <CsrfField token={props.csrf} />
        <button type="submit" class="secondary">
          {et(props.lang, 'editor.discard')}
        </button>
      </form>
    </div>
  );
}

/** The text of a form as lines to compare: the title, the summary, then the body. */
function linesOf(f: ArticleForm): string {
  return [f.title, f.summary, '', f.body].join('\n');
}

export function ConflictPanel(props: { lang: string; mine: ArticleForm; theirs: ArticleForm; version?: number; action: string }) {
  const { lang, theirs } = props;
  const dir = dirOf(theirs.lang || 'ar');
  const lines = lineDiff(linesOf(theirs), linesOf(props.mine));
  return (
    <div class="panel conflict" role="alert">
      <p class="flash error">{at(lang, 'edit.conflict')}</p>
      <h2>{et(lang, 'editor.conflictDiff')}</h2>
      <div class="diff" lang={theirs.lang} dir={dir}>
        {lines.map((l) => (
          <span class={l.op === 'same' ? undefined : l.op}>
            {l.op === 'add' ? '+ ' : l.op === 'del' ? '− ' : '  '}
            {l.text}
          </span>
        ))}
      </div>
      <p>
        {props.version ? (
          <button type="submit" form="article-form" name="overwrite" value={String(props.version)} class="danger">
            {et(lang, 'editor.overwrite', { n: props.version })}
          </button>
        ) : null}{' '}
        {props.action ? (
          <a class="button secondary" href={props.action}>
            {et(lang, 'editor.loadTheirs')}
          </a>
        ) : null}
      </p>
    </div>
  );
}
