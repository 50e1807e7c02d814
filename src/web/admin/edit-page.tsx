/**
 * @module The article editor: the fields, the Markdown text with its server-rendered preview, and
 * beside them the workflow, translations, related items, entities, revisions and deletion. On a lost race the
 * editor's own words stay in the form and the version saved now is shown beside them.
 */
import type { Child } from '../jsx/html-string.ts';
import type { Action, AdminRow, ArticleForm, LibraryImage, RelatedItem } from '../../app/index.ts';
import { LeadImageField } from './media/lead-image-field.tsx';
import { AttachmentsPanel } from './media/attachments-panel.tsx';
import { ARTICLE_TYPES, LANGS, dirOf, typeLabel, type Article, type Block } from '../../model/index.ts';
import { BodyBlocks } from '../views/body-blocks.tsx';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from './admin-layout.tsx';
import { StatusBadge } from './article-list-page.tsx';
import { at, atIfKnown, type AdminKey } from './admin-i18n.ts';
import { RichBody } from './editor/rich-body.tsx';
import { ConflictPanel, RecoveryOffer } from './editor/recovery.tsx';
import { et } from './editor/editor-i18n.ts';
import { formatWhen, instituteTimeZone } from './editor/edit-extras.ts';
import { OutdatedBadge, TranslationNote, type TranslationNoteData } from './translate-view.tsx';

export interface EditState {
  id: string;
  status: string;
  version: number;
  path: string;
  publishAt: string | null;
  translations: { lang: string; path: string; id: string | null; title: string | null; outdated?: boolean }[];
  /** Every related item, site articles and outside pieces alike, each with its key (to remove it) and the article it leads to. */
  related: RelatedItem[];
  /** The source this article translates, when recorded. */
  source?: TranslationNoteData;
}

export interface EditPageProps {
  lang: string;
  user: AdminUser;
  form: ArticleForm;
  state?: EditState;
  steps: Action[];
  canDelete: boolean;
  canEdit: boolean;
  preview?: { blocks: Block[]; title: string; lang: string };
  conflict?: ArticleForm;
  candidates: AdminRow[];
  flash?: Flash;
  /** The body as blocks for the rich-text editor (null: the Markdown does not read; the editor stays off). */
  bodyBlocks?: Block[] | null;
  /** The editor's script address; absent, the page keeps the Markdown textarea alone. */
  editorScript?: string;
  /** An autosave of this account's that the page does not show: offered, never applied unasked. */
  recovery?: { savedAt: string; when: string };
  /** The version saved now, when this save lost the race (the conflict view offers to replace it). */
  conflictVersion?: number;
  /** The panel of a change to this published article that waits for review. */
  pending?: Child;
  /** Candidates for "link a translation" already paired in this article's language: id → the partner. */
  paired?: Record<string, { id: string; title: string; lang: string }>;
  /** The side-by-side view: the source's panel, placed on the side its direction (`dir`) reads from. */
  beside?: { dir: string; node: Child };
  /** Hidden fields the side-by-side view adds to the form (the source version shown). */
  formExtra?: Child;
  /** The media library's images, to choose the lead image from. */
  library?: LibraryImage[];
  /** The stored article's attached files (an article being created has none yet). */
  attachments?: Article['attachments'];
  /** What is wrong with one field of the form, said beside it (the flash says it too). */
  fieldError?: { field: keyof ArticleForm; text: string };
  /** Why the related items were not changed, shown beside the field. */
  relatedError?: string;
}

/** The message beside a field the save refused, tied to it for screen readers (`aria-describedby`). */
function FieldMessage(props: { name: keyof ArticleForm; error?: string }) {
  return props.error ? (
    <p class="field-error" id={`f-${props.name}-error`}>
      {props.error}
    </p>
  ) : null;
}

/**
 * A catalog sentence with its `{example}` (an ISO date, a time) isolated left to right: in an Arabic
 * sentence "2023-05-18" would otherwise show as "18-05-2023", and it must not break across lines either.
 */
function WithExample(props: { text: string; example: string }) {
  const [before, after = ''] = props.text.split('{example}');
  return (
    <>
      {before}
      <bdi dir="ltr" class="nowrap">
        {props.example}
      </bdi>
      {after}
    </>
  );
}

/** A language's name in the interface's language ("الإنجليزية"), or its code where the catalog has none. */
function langLabel(ui: string, code: string): string {
  return atIfKnown(ui, `tr.lang.${code}`) ?? code;
}

/**
 * An article offered in a select, "en · Title": the option takes the article's language and direction,
 * so in the Arabic interface an English title reads (and is cut, when long) from its own start.
 */
function ArticleOption(props: { value: string; lang: string; label: string; selected?: boolean; paired?: boolean }) {
  return (
    <option value={props.value} lang={props.lang} dir={dirOf(props.lang)} selected={props.selected} data-paired={props.paired ? '1' : undefined}>
      {`${props.lang} · ${props.label}`}
    </option>
  );
}

function Field(props: { label: string; name: keyof ArticleForm; value: string; dir?: string; type?: string; hint?: Child; readonly?: boolean; required?: boolean; pattern?: string; placeholder?: string; inputmode?: 'numeric'; error?: string }) {
  return (
    <div>
      <label for={`f-${props.name}`}>{props.label}</label>
      <input id={`f-${props.name}`} name={props.name} type={props.type ?? 'text'} value={props.value} dir={props.dir ?? 'auto'} readonly={props.readonly} required={props.required} pattern={props.pattern} placeholder={props.placeholder} inputmode={props.inputmode} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `f-${props.name}-error` : undefined} />
      <FieldMessage name={props.name} error={props.error} />
      {props.hint ? <p class="hint">{props.hint}</p> : null}
    </div>
  );
}

function Area(props: { label: string; name: keyof ArticleForm; value: string; dir: string; rows?: number; class?: string; hint?: string; error?: string }) {
  return (
    <div>
      <label for={`f-${props.name}`}>{props.label}</label>
      <textarea id={`f-${props.name}`} name={props.name} dir={props.dir} rows={props.rows ?? 4} class={props.class} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `f-${props.name}-error` : undefined}>
        {props.value}
      </textarea>
      <FieldMessage name={props.name} error={props.error} />
      {props.hint ? <p class="hint">{props.hint}</p> : null}
    </div>
  );
}

export function EditPage(props: EditPageProps) {
  const { lang, form, state, user } = props;
  const contentLang = form.lang || 'ar';
  const dir = dirOf(contentLang);
  const action = state ? `/admin/articles/${state.id}` : '/admin/articles/new';
  const title = state ? `${at(lang, 'edit.title')}: ${form.title}` : at(lang, 'edit.new');
  const errorOf = (name: keyof ArticleForm) => (props.fieldError?.field === name ? props.fieldError.text : undefined);
  const formEl = (
    <form method="post" action={action} id="article-form" enctype="multipart/form-data">
      <CsrfField token={user.csrf} />
      <input type="hidden" name="version" value={form.version} />
      {props.formExtra ?? null}
      <div class="row">
        {state ? (
          <input type="hidden" name="lang" value={form.lang} />
        ) : (
          <div>
            <label for="f-lang">{at(lang, 'edit.field.lang')}</label>
            <select id="f-lang" name="lang" aria-invalid={errorOf('lang') ? 'true' : undefined} aria-describedby={errorOf('lang') ? 'f-lang-error' : undefined}>
              {Object.values(LANGS).map((l) => (
                <option value={l.code} selected={form.lang === l.code}>
                  {l.name}
                </option>
              ))}
            </select>
            <FieldMessage name="lang" error={errorOf('lang')} />
          </div>
        )}
        <div>
          <label for="f-type">{at(lang, 'edit.field.type')}</label>
          <select id="f-type" name="type" aria-invalid={errorOf('type') ? 'true' : undefined} aria-describedby={errorOf('type') ? 'f-type-error' : undefined}>
            {ARTICLE_TYPES.map((t) => (
              <option value={t} selected={form.type === t}>
                {typeLabel(t, lang)}
              </option>
            ))}
          </select>
          <FieldMessage name="type" error={errorOf('type')} />
        </div>
        {/* Written year-month-day: a browser's date picker shows its own locale's order (mm/dd/yyyy in an
            American browser), which an Arabic or European editor misreads. */}
        <Field label={at(lang, 'edit.field.published')} name="published" value={form.published} dir="ltr" pattern="[0-9٠-٩]{4}-[0-9٠-٩]{2}-[0-9٠-٩]{2}" placeholder="2023-05-18" inputmode="numeric" hint={<WithExample text={at(lang, 'edit.field.dateHint')} example="2023-05-18" />} error={errorOf('published')} />
      </div>
      <Field label={at(lang, 'edit.field.title')} name="title" value={form.title} dir={dir} required error={errorOf('title')} />
      {state ? (
        <p class="hint" dir="ltr">
          {state.path}
        </p>
      ) : (
        <Field label={at(lang, 'edit.field.slug')} name="slug" value={form.slug} dir="ltr" hint={at(lang, 'edit.field.slugHint')} error={errorOf('slug')} />
      )}
      <Area label={at(lang, 'edit.field.summary')} name="summary" value={form.summary} dir={dir} rows={3} error={errorOf('summary')} />
      <div class="row">
        <Field label={at(lang, 'edit.field.series')} name="seriesName" value={form.seriesName} error={errorOf('seriesName')} />
        <Field label={at(lang, 'edit.field.seriesNumber')} name="seriesNumber" value={form.seriesNumber} type="number" dir="ltr" error={errorOf('seriesNumber')} />
      </div>
      <div class="row">
        <Area label={at(lang, 'edit.field.authors')} name="authors" value={form.authors} dir={dir} rows={3} error={errorOf('authors')} />
        <Area label={at(lang, 'edit.field.topics')} name="topics" value={form.topics} dir={dir} rows={3} error={errorOf('topics')} />
        <Area label={at(lang, 'edit.field.regions')} name="regions" value={form.regions} dir={dir} rows={3} error={errorOf('regions')} />
      </div>
      <LeadImageField lang={lang} contentLang={contentLang} value={form.image} alt={form.imageAlt} library={props.library ?? []} />
      <RichBody {...props} dir={dir} contentLang={contentLang} />
      <Field label={at(lang, 'edit.field.note')} name="note" value={form.note} error={errorOf('note')} />
      <p>
        {props.canEdit ? (
          <button type="submit" name="do" value="save">
            {at(lang, 'edit.save')}
          </button>
        ) : null}{' '}
        <button type="submit" name="do" value="preview" class="secondary">
          {at(lang, 'edit.preview')}
        </button>{' '}
        <button type="submit" name="do" value="site-preview" class="secondary" formtarget="_blank">
          {et(lang, 'editor.previewSite')}
        </button>
      </p>
    </form>
  );
  return (
    <AdminLayout lang={lang} title={title} user={user} flash={props.flash}>
      <h1>
        {state ? <bdi>{form.title}</bdi> : at(lang, 'edit.new')}{' '}
        {state ? <StatusBadge lang={lang} status={state.status} /> : null}
      </h1>
      {props.conflict ? <ConflictPanel lang={lang} mine={form} theirs={props.conflict} version={props.conflictVersion} action={state ? `/admin/articles/${state.id}` : ''} /> : null}
      {props.pending ?? null}
      {props.recovery && state ? <RecoveryOffer lang={lang} id={state.id} csrf={user.csrf} {...props.recovery} /> : null}
      {props.recovery && !state ? <RecoveryOffer lang={lang} id="new" csrf={user.csrf} {...props.recovery} /> : null}
      {state?.source && !props.beside ? <TranslationNote lang={lang} id={state.id} note={state.source} /> : null}
      {props.beside ? (
        <>
          <div class="sbs" dir={props.beside.dir}>
            <section class="panel sbs-source" dir={dirOf(lang)} aria-label={at(lang, 'tr.source')}>
              {props.beside.node}
            </section>
            <section class="sbs-work" dir={dirOf(lang)} aria-label={at(lang, 'tr.yourTranslation')}>
              <h2>{at(lang, 'tr.yourTranslation')}</h2>
              <p class="hint">{at(lang, 'tr.saveHint')}</p>
              {formEl}
            </section>
          </div>
          <aside class="sbs-aside">{state ? <SidePanels {...props} state={state} /> : null}</aside>
        </>
      ) : (
        <div class="cols">
          {formEl}
          <aside>{state ? <SidePanels {...props} state={state} /> : null}</aside>
        </div>
      )}
      {props.preview ? (
        <section class="preview" aria-label={at(lang, 'edit.previewTitle')} lang={props.preview.lang} dir={dirOf(props.preview.lang)}>
          <h2>{at(lang, 'edit.previewTitle')}</h2>
          <h1>{props.preview.title}</h1>
          <BodyBlocks blocks={props.preview.blocks} lang={props.preview.lang} editorial />
        </section>
      ) : null}
    </AdminLayout>
  );
}

function SidePanels(props: EditPageProps & { state: EditState }) {
  const { lang, state, user } = props;
  const base = `/admin/articles/${state.id}`;
  const otherLangs = props.candidates.filter((c) => c.lang !== props.form.lang);
  const paired = props.paired ?? {};
  const free = otherLangs.filter((c) => !paired[c.id]);
  const taken = otherLangs.filter((c) => paired[c.id]);
  const mine = state.translations.some((t) => t.id);
  return (
    <>
      <section class="panel">
        <h2>{at(lang, 'edit.workflow')}</h2>
        <p class="hint">{at(lang, 'edit.version', { n: state.version })}</p>
        {state.publishAt ? <p>{at(lang, 'edit.scheduledFor', { when: formatWhen(state.publishAt, lang) })}</p> : null}
        {state.status === 'published' ? (
          <p>
            <a href={state.path}>{at(lang, 'edit.viewPublic')}</a>
          </p>
        ) : null}
        {props.steps
          .filter((s) => s !== 'schedule')
          .map((step) => (
            <form method="post" action={`${base}/workflow`}>
              <CsrfField token={user.csrf} />
              <input type="hidden" name="action" value={step} />
              <button type="submit" class={step === 'unpublish' ? 'secondary' : undefined}>
                {at(lang, `action.${step}` as AdminKey)}
              </button>
            </form>
          ))}
        {props.steps.includes('schedule') ? (
          <form method="post" action={`${base}/workflow`}>
            <CsrfField token={user.csrf} />
            <input type="hidden" name="action" value="schedule" />
            <label for="publish-at">
              {at(lang, 'edit.publishAt')} <span class="hint" dir="ltr">({instituteTimeZone()})</span>
            </label>
            <input id="publish-at" type="text" name="publishAt" dir="ltr" required inputmode="numeric" pattern="[0-9٠-٩]{4}-[0-9٠-٩]{2}-[0-9٠-٩]{2}[ T][0-9٠-٩]{2}:[0-9٠-٩]{2}" placeholder="2027-05-18 09:00" aria-describedby="publish-at-hint" />
            <p class="hint" id="publish-at-hint">
              <WithExample text={at(lang, 'edit.publishAtHint')} example="2027-05-18 09:00" />
            </p>
            <button type="submit" class="secondary">
              {at(lang, 'action.schedule')}
            </button>
          </form>
        ) : null}
      </section>
      {props.canEdit !== false ? <AttachmentsPanel lang={lang} csrf={user.csrf} articleId={state.id} articleLang={props.form.lang} version={state.version} attachments={props.attachments ?? []} /> : null}
      <section class="panel">
        <h2>{at(lang, 'edit.translations')}</h2>
        <ul>
          {state.translations.length === 0 ? <li>{at(lang, 'edit.none')}</li> : null}
          {state.translations.map((t) => (
            <li>
              {/* The language's name first, then the title or the address, each isolated: an address read
                  inside an Arabic line would otherwise put the label after it ("/policy-analysis/… :en"). */}
              {langLabel(lang, t.lang)}:{' '}
              {t.id ? (
                <a href={`/admin/articles/${t.id}`} lang={t.lang} dir="auto">
                  {t.title}
                </a>
              ) : (
                <bdi dir="ltr" class="path">
                  {t.path}
                </bdi>
              )}
              {t.outdated ? (
                <>
                  {' '}
                  <OutdatedBadge lang={lang} />
                </>
              ) : null}
              {t.id && state.source?.source.id === t.id ? <span class="hint"> ({at(lang, 'tr.sourceRole')})</span> : null}
            </li>
          ))}
        </ul>
        {state.source ? (
          <p>
            <a href={`${base}/translate`}>{at(lang, 'tr.sideBySide')}</a>
          </p>
        ) : null}
        {props.canEdit
          ? Object.keys(LANGS)
              .filter((l) => l !== props.form.lang && !state.translations.some((t) => t.lang === l))
              .map((l) => (
                <form method="post" action={`${base}/create-translation`} class="create-translation">
                  <CsrfField token={user.csrf} />
                  <input type="hidden" name="lang" value={l} />
                  <button type="submit" aria-describedby={`create-tr-${l}-hint`}>
                    {at(lang, `tr.create.${l}` as AdminKey)}
                  </button>
                  <p class="hint" id={`create-tr-${l}-hint`}>
                    {at(lang, 'tr.createHint', { lang: at(lang, `tr.lang.${l}` as AdminKey) })}
                  </p>
                </form>
              ))
          : null}
        {props.canEdit && otherLangs.length ? (
          <form method="post" action={`${base}/translation`}>
            <CsrfField token={user.csrf} />
            <input type="hidden" name="version" value={String(state.version)} />
            <label for="tr-of">{at(lang, 'edit.linkTranslation')}</label>
            <select id="tr-of" name="other">
              <optgroup label={at(lang, 'tr.unpairedGroup')}>
                {free.map((c) => (
                  <ArticleOption value={c.id} lang={c.lang} label={c.title} />
                ))}
              </optgroup>
              {taken.length ? (
                <optgroup label={at(lang, 'tr.pairedGroup')}>
                  {taken.map((c) => (
                    <ArticleOption value={c.id} lang={c.lang} label={`${c.title} — ${at(lang, 'tr.pairedWith', { title: paired[c.id].title })}`} paired />
                  ))}
                </optgroup>
              ) : null}
            </select>
            <label for="tr-side">{at(lang, 'tr.sourceSide')}</label>
            <select id="tr-side" name="source">
              <option value="auto">{at(lang, 'tr.sideAuto')}</option>
              <option value="this">{at(lang, 'tr.sideThis')}</option>
              <option value="other">{at(lang, 'tr.sideOther')}</option>
            </select>
            {taken.length || mine ? (
              <p>
                <label>
                  <input type="checkbox" name="confirm" value="1" /> {at(lang, 'tr.confirmRepair')}
                </label>
              </p>
            ) : null}
            <button type="submit" class="secondary">
              {at(lang, 'edit.linkTranslation')}
            </button>
          </form>
        ) : null}
      </section>
      <RelatedPanel {...props} state={state} />
      <section class="panel">
        <h2>{at(lang, 'ent.title')}</h2>
        <p>
          <a href={`${base}/entities`}>{at(lang, 'ent.review')}</a>
        </p>
      </section>
      <section class="panel">
        <h2>{at(lang, 'edit.revisions')}</h2>
        <p>
          <a href={`${base}/revisions`}>{at(lang, 'rev.title')}</a>
        </p>
      </section>
      {props.canDelete ? (
        <section class="panel">
          <h2>{at(lang, 'edit.delete')}</h2>
          <form method="post" action={`${base}/delete`}>
            <CsrfField token={user.csrf} />
            <button type="submit" class="danger">
              {at(lang, 'edit.deleteConfirm')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

/** One related item: its title (linked to its edit page when it is an article here), what it is, and its address. */
function RelatedTitle(props: { lang: string; item: RelatedItem; id?: string }) {
  const { lang, item } = props;
  return (
    <>
      <span id={props.id} lang={item.lang} dir="auto" class="related-title">
        {item.articleId ? <a href={`/admin/articles/${item.articleId}`}>{item.title}</a> : item.title}
      </span>
      <span class="hint related-kind">
        {at(lang, item.articleId ? 'edit.relatedOnSite' : 'edit.relatedOutside')}
        {item.path ? (
          <bdi dir="ltr" class="path">
            {item.path}
          </bdi>
        ) : null}
      </span>
    </>
  );
}

/**
 * The related items: every current one listed with its own "remove" box (site articles and outside
 * pieces alike, so none is lost by not being shown), and a select of this site's other articles to add.
 */
function RelatedPanel(props: EditPageProps & { state: EditState }) {
  const { lang, state, user } = props;
  const base = `/admin/articles/${state.id}`;
  const related = new Set(state.related.flatMap((r) => (r.articleId ? [r.articleId] : [])));
  const offered = props.candidates.filter((c) => c.id !== state.id && !related.has(c.id));
  const bad = !!props.relatedError;
  return (
    <section class="panel" id="related">
      <h2>{at(lang, 'edit.related')}</h2>
      {props.canEdit ? (
        <form method="post" action={`${base}/related`}>
          <CsrfField token={user.csrf} />
          <input type="hidden" name="version" value={String(state.version)} />
          {state.related.length ? (
            <ul class="related-list">
              {state.related.map((r, i) => (
                <li class="related-item">
                  <RelatedTitle lang={lang} item={r} id={`rel-item-${i}`} />
                  <label class="related-remove">
                    <input type="checkbox" name="remove" value={r.key} aria-describedby={`rel-item-${i}`} /> {at(lang, 'edit.relatedRemove')}
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">{at(lang, 'edit.none')}</p>
          )}
          <label for="rel-add">{at(lang, 'edit.relatedAdd')}</label>
          <select id="rel-add" name="related" multiple size={6} aria-invalid={bad ? 'true' : undefined} aria-describedby={bad ? 'rel-add-hint rel-add-err' : 'rel-add-hint'}>
            {offered.map((c) => (
              <ArticleOption value={c.id} lang={c.lang} label={c.title} />
            ))}
          </select>
          <p class="hint" id="rel-add-hint">
            {at(lang, 'edit.relatedAddHint')}
          </p>
          {bad ? (
            <p class="field-error" id="rel-add-err">
              {props.relatedError}
            </p>
          ) : null}
          <button type="submit" class="secondary">
            {at(lang, 'edit.setRelated')}
          </button>
        </form>
      ) : (
        <ul class="related-list">
          {state.related.length === 0 ? <li>{at(lang, 'edit.none')}</li> : null}
          {state.related.map((r) => (
            <li class="related-item">
              <RelatedTitle lang={lang} item={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
