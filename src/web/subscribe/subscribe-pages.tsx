/**
 * @module The reader's side of mail: the subscribe form (also the preference form, prefilled), and the
 * short pages each step answers with. Plain HTML forms, no client script; every page is noindex.
 */
import { langInfo } from '../../model/index.ts';
import { Layout } from '../views/layout.tsx';
import { st, type SubscribeKey } from './subscribe-i18n.ts';

export interface Choice {
  /** `kind:ref`, as the form posts it. */
  value: string;
  label: string;
}

export interface Choices {
  topics: Choice[];
  regions: Choice[];
  experts: Choice[];
  series: Choice[];
  /** When the weekly digest goes out, in the page's language ("Mondays at 07:00"). */
  weeklyWhen: string;
}

export interface FormState {
  email: string;
  langs: string[];
  frequency: 'instant' | 'weekly';
  /** Checked `kind:ref` values; `all:` for everything. */
  follows: string[];
  search: string;
}

export function subscribePath(lang: string, rest = ''): string {
  return `${langInfo(lang).prefix}/subscribe${rest}`;
}

function ChoiceGroup(props: { lang: string; legend: SubscribeKey; choices: Choice[]; checked: Set<string> }) {
  if (!props.choices.length) return null;
  const open = props.choices.some((c) => props.checked.has(c.value));
  return (
    <details class="sub-group" open={open}>
      <summary>{st(props.lang, props.legend)}</summary>
      <ul class="sub-choices">
        {props.choices.map((c) => (
          <li>
            <label>
              <input type="checkbox" name="follow" value={c.value} checked={props.checked.has(c.value)} /> {c.label}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The subscribe form; with `token` it is the preference form of one subscriber. */
export function SubscribeFormPage(props: { lang: string; choices: Choices; state: FormState; error?: string; token?: string; notice?: string; stopped?: boolean }) {
  const { lang, state } = props;
  const checked = new Set(state.follows);
  const manage = !!props.token;
  const title = manage ? st(lang, 'manage.title') : st(lang, 'title');
  return (
    <Layout lang={lang} title={title} robots="noindex, nofollow">
      <article class="sub-page">
        <header class="page-head">
          <h1>{title}</h1>
          <p class="lede">{manage ? st(lang, 'manage.for', { email: state.email }) : st(lang, 'lede')}</p>
        </header>
        {props.notice ? (
          <p class="sub-notice" role="status">
            {props.notice}
          </p>
        ) : null}
        {props.error ? (
          <p class="sub-error" role="alert" id="sub-error">
            {props.error}
          </p>
        ) : null}
        <form class="sub-form" method="post" action={subscribePath(lang, manage ? '/manage' : '')}>
          {manage ? <input type="hidden" name="token" value={props.token} /> : null}
          {manage ? null : (
            <label class="sub-field">
              <span>{st(lang, 'email')}</span>
              <input type="email" name="email" value={state.email} required maxlength={254} autocomplete="email" inputmode="email" dir="ltr" aria-describedby={props.error ? 'sub-error' : undefined} />
            </label>
          )}
          <fieldset class="sub-field">
            <legend>{st(lang, 'langs')}</legend>
            {[
              ['ar', 'العربية'],
              ['en', 'English'],
            ].map(([code, name]) => (
              <label class="sub-inline" lang={code}>
                <input type="checkbox" name="langs" value={code} checked={state.langs.includes(code)} /> {name}
              </label>
            ))}
          </fieldset>
          <fieldset class="sub-field">
            <legend>{st(lang, 'frequency')}</legend>
            <label class="sub-inline">
              <input type="radio" name="frequency" value="instant" checked={state.frequency === 'instant'} /> {st(lang, 'instant')}
            </label>
            <label class="sub-inline">
              <input type="radio" name="frequency" value="weekly" checked={state.frequency === 'weekly'} /> {st(lang, 'weekly', { when: props.choices.weeklyWhen })}
            </label>
          </fieldset>
          <fieldset class="sub-field">
            <legend>{st(lang, 'follow')}</legend>
            <label class="sub-inline">
              <input type="checkbox" name="follow" value="all:" checked={checked.has('all:')} /> {st(lang, 'all')}
            </label>
            <ChoiceGroup lang={lang} legend="topics" choices={props.choices.topics} checked={checked} />
            <ChoiceGroup lang={lang} legend="regions" choices={props.choices.regions} checked={checked} />
            <ChoiceGroup lang={lang} legend="experts" choices={props.choices.experts} checked={checked} />
            <ChoiceGroup lang={lang} legend="series" choices={props.choices.series} checked={checked} />
            <label class="sub-field">
              <span>{st(lang, 'search')}</span>
              <input type="text" name="search" value={state.search} maxlength={200} />
            </label>
          </fieldset>
          <button type="submit" name="do" value="save">
            {manage ? st(lang, 'save') : st(lang, 'submit')}
          </button>
          <p class="sub-privacy">{st(lang, 'privacy')}</p>
        </form>
        {manage ? (
          <section class="sub-danger">
            <form method="post" action={subscribePath(lang, '/manage')}>
              <input type="hidden" name="token" value={props.token} />
              {props.stopped ? (
                <button type="submit" name="do" value="resume">
                  {st(lang, 'manage.resume')}
                </button>
              ) : (
                <>
                  <button type="submit" name="do" value="stop">
                    {st(lang, 'manage.stop')}
                  </button>
                  <p>{st(lang, 'manage.stopHelp')}</p>
                </>
              )}
            </form>
            <form method="post" action={subscribePath(lang, '/manage')}>
              <input type="hidden" name="token" value={props.token} />
              <button type="submit" name="do" value="delete" class="sub-delete">
                {st(lang, 'manage.delete')}
              </button>
              <p>{st(lang, 'manage.deleteHelp')}</p>
            </form>
          </section>
        ) : null}
      </article>
    </Layout>
  );
}

/** A short page: a heading, a sentence, and at most one button or link. */
export function SubscribeMessagePage(props: { lang: string; title: string; body: string; action?: { url: string; label: string; token: string }; link?: { href: string; label: string } }) {
  const { lang } = props;
  return (
    <Layout lang={lang} title={props.title} robots="noindex, nofollow">
      <article class="sub-page">
        <header class="page-head">
          <h1>{props.title}</h1>
          <p class="lede">{props.body}</p>
        </header>
        {props.action ? (
          <form class="sub-form" method="post" action={props.action.url}>
            <input type="hidden" name="token" value={props.action.token} />
            <button type="submit">{props.action.label}</button>
          </form>
        ) : null}
        {props.link ? (
          <p>
            <a href={props.link.href}>{props.link.label}</a>
          </p>
        ) : null}
      </article>
    </Layout>
  );
}
