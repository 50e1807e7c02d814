/**
 * @module The settings pages: the institute's names, contact, social profiles, colours and time zone;
 * and its menus per language (add, remove, reorder). Both work without script: a form of plain fields,
 * reordering by buttons that post the form. A refused field says what is wrong beside it, in the
 * admin's language, and keeps what was typed.
 */
import { dirOf, SOCIAL_NETWORKS } from '../../../model/index.ts';
import { AdminLayout, CsrfField, type AdminUser, type Flash } from '../admin-layout.tsx';
import { st, type SettingsKey } from './settings-i18n.ts';

/** A page's fields by form name, and the problem of each refused one (a catalog key and its numbers). */
export interface FieldState {
  values: Record<string, string>;
  errors: Record<string, { key: SettingsKey; max?: number }>;
}

interface PageProps {
  lang: string;
  user: AdminUser;
  languages: string[];
  source: string;
  state: FieldState;
  flash?: Flash;
}

function idOf(name: string): string {
  return 'f-' + name.replace(/[^A-Za-z0-9_-]/g, '-');
}

function langName(ui: string, code: string): string {
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function ErrorOf(props: { lang: string; name: string; state: FieldState }) {
  const e = props.state.errors[props.name];
  if (!e) return null;
  return (
    <p class="field-error" id={`${idOf(props.name)}-err`}>
      {st(props.lang, e.key, e.max !== undefined ? { max: e.max } : {})}
    </p>
  );
}

/** One labelled text field with its error. `content` sets the language and direction of what is typed. */
function Field(props: { lang: string; name: string; label: string; state: FieldState; type?: string; content?: string; hint?: string; list?: string; small?: boolean }) {
  const { name, state } = props;
  const id = idOf(name);
  const bad = Boolean(state.errors[name]);
  const described = [bad ? `${id}-err` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <input
        id={id}
        type={props.type ?? 'text'}
        name={name}
        value={state.values[name] ?? ''}
        lang={props.content}
        dir={props.content ? dirOf(props.content) : props.type === 'text' || !props.type ? 'auto' : 'ltr'}
        aria-invalid={bad ? 'true' : undefined}
        aria-describedby={described}
        list={props.list}
      />
      <ErrorOf lang={props.lang} name={name} state={state} />
    </div>
  );
}

function Intro(props: { lang: string; source: string }) {
  return (
    <p class="hint">
      {st(props.lang, 'intro', { file: props.source === 'default' ? '—' : props.source.split(/[\\/]/).pop()! })}
    </p>
  );
}

function SubNav(props: { lang: string; here: 'settings' | 'menus' }) {
  return (
    <nav class="subnav" aria-label={st(props.lang, 'title')}>
      <a href="/admin/settings" aria-current={props.here === 'settings' ? 'page' : undefined}>
        {st(props.lang, 'title')}
      </a>
      <a href="/admin/settings/menus" aria-current={props.here === 'menus' ? 'page' : undefined}>
        {st(props.lang, 'menusTitle')}
      </a>
    </nav>
  );
}

function ResetForm(props: { lang: string; csrf: string; action: string }) {
  return (
    <form method="post" action={props.action} class="panel">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="do" value="reset" />
      <button type="submit" class="secondary">
        {st(props.lang, 'reset')}
      </button>
    </form>
  );
}

/** `/admin/settings`: names, taglines, footer text and address per language; contact; social; colours; time zone. */
export function SettingsPage(props: PageProps & { socialRows: number; timeZones: string[] }) {
  const { lang, user, state, languages } = props;
  const perLang = (key: 'name' | 'tagline' | 'description' | 'footer' | 'address', label: SettingsKey) => (
    <div class="row">
      {languages.map((l) => (
        <Field lang={lang} name={`${key}.${l}`} label={`${st(lang, label)} — ${langName(lang, l)}`} state={state} content={l} />
      ))}
    </div>
  );
  return (
    <AdminLayout lang={lang} title={st(lang, 'title')} user={user} flash={props.flash}>
      <h1>{st(lang, 'title')}</h1>
      <SubNav lang={lang} here="settings" />
      <Intro lang={lang} source={props.source} />
      <form method="post" action="/admin/settings" novalidate>
        <CsrfField token={user.csrf} />
        <fieldset class="panel">
          <legend>{st(lang, 'identity')}</legend>
          {perLang('name', 'name')}
          {perLang('tagline', 'tagline')}
          {perLang('description', 'description')}
          {perLang('footer', 'footerText')}
        </fieldset>
        <fieldset class="panel">
          <legend>{st(lang, 'contact')}</legend>
          <div class="row">
            <Field lang={lang} name="email" label={st(lang, 'email')} state={state} type="email" />
            <Field lang={lang} name="phone" label={st(lang, 'phone')} state={state} type="tel" />
          </div>
          {perLang('address', 'address')}
        </fieldset>
        <fieldset class="panel">
          <legend>{st(lang, 'social')}</legend>
          <p class="hint">{st(lang, 'socialHint')}</p>
          {Array.from({ length: props.socialRows }, (_, i) => (
            <div class="row">
              <div>
                <label for={idOf(`social.${i}.network`)}>{`${st(lang, 'network')} ${i + 1}`}</label>
                <select id={idOf(`social.${i}.network`)} name={`social.${i}.network`} dir="ltr">
                  {SOCIAL_NETWORKS.map((n) => (
                    <option value={n} selected={(state.values[`social.${i}.network`] ?? 'x') === n}>
                      {n}
                    </option>
                  ))}
                </select>
              </div>
              <Field lang={lang} name={`social.${i}.url`} label={`${st(lang, 'url')} ${i + 1}`} state={state} type="url" />
            </div>
          ))}
        </fieldset>
        <fieldset class="panel">
          <legend>{st(lang, 'look')}</legend>
          <p class="hint">{st(lang, 'colourHint')}</p>
          <div class="row">
            <Field lang={lang} name="accent" label={st(lang, 'accent')} state={state} type="text" content="en" />
            <Field lang={lang} name="accentDark" label={st(lang, 'accentDark')} state={state} type="text" content="en" />
            <Field lang={lang} name="timeZone" label={st(lang, 'timeZone')} state={state} content="en" hint={st(lang, 'timeZoneHint')} list="time-zones" />
          </div>
          <datalist id="time-zones">
            {props.timeZones.map((z) => (
              <option value={z} />
            ))}
          </datalist>
        </fieldset>
        <p>
          <button type="submit">{st(lang, 'save')}</button>
        </p>
      </form>
      <ResetForm lang={lang} csrf={user.csrf} action="/admin/settings" />
    </AdminLayout>
  );
}

/** `/admin/settings/menus`: the main and footer menus in each language, one row per item. */
export function MenusPage(props: PageProps & { rows: Record<string, number> }) {
  const { lang, user, state, languages } = props;
  const menu = (which: 'main' | 'footer', l: string) => {
    const prefix = `menus.${which}.${l}`;
    const n = props.rows[prefix] ?? 1;
    const title = `${st(lang, which === 'main' ? 'menuMain' : 'menuFooter')} — ${langName(lang, l)}`;
    return (
      <fieldset class="panel">
        <legend>{title}</legend>
        <table class="menu-items">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{st(lang, 'label')}</th>
              <th scope="col">{st(lang, 'target')}</th>
              <th scope="col">
                <span class="visually-hidden">{st(lang, 'position', { n: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: n }, (_, i) => {
              const last = i === n - 1;
              const pos = last ? st(lang, 'newItem') : st(lang, 'position', { n: i + 1 });
              const labelName = `${prefix}.${i}.label`;
              const hrefName = `${prefix}.${i}.href`;
              return (
                <tr>
                  <th scope="row">{last ? '+' : i + 1}</th>
                  <td>
                    <input
                      id={idOf(labelName)}
                      type="text"
                      name={labelName}
                      value={state.values[labelName] ?? ''}
                      lang={l}
                      dir={dirOf(l)}
                      aria-label={`${pos}: ${st(lang, 'label')}`}
                      aria-invalid={state.errors[labelName] ? 'true' : undefined}
                      aria-describedby={state.errors[labelName] ? `${idOf(labelName)}-err` : undefined}
                    />
                    <ErrorOf lang={lang} name={labelName} state={state} />
                  </td>
                  <td>
                    <input
                      id={idOf(hrefName)}
                      type="text"
                      name={hrefName}
                      value={state.values[hrefName] ?? ''}
                      dir="ltr"
                      aria-label={`${pos}: ${st(lang, 'target')}`}
                      aria-invalid={state.errors[hrefName] ? 'true' : undefined}
                      aria-describedby={state.errors[hrefName] ? `${idOf(hrefName)}-err` : undefined}
                    />
                    <ErrorOf lang={lang} name={hrefName} state={state} />
                  </td>
                  <td class="item-ops">
                    {last ? null : (
                      <>
                        <button type="submit" class="secondary" name="op" value={`up.${prefix}.${i}`} disabled={i === 0} aria-label={`${st(lang, 'up')}: ${pos}`} title={st(lang, 'up')}>
                          ↑
                        </button>
                        <button type="submit" class="secondary" name="op" value={`down.${prefix}.${i}`} disabled={i === n - 2} aria-label={`${st(lang, 'down')}: ${pos}`} title={st(lang, 'down')}>
                          ↓
                        </button>
                        <button type="submit" class="secondary" name="op" value={`remove.${prefix}.${i}`} aria-label={`${st(lang, 'remove')}: ${pos}`} title={st(lang, 'remove')}>
                          ✕
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
    );
  };
  return (
    <AdminLayout lang={lang} title={st(lang, 'menusTitle')} user={user} flash={props.flash}>
      <h1>{st(lang, 'menusTitle')}</h1>
      <SubNav lang={lang} here="menus" />
      <Intro lang={lang} source={props.source} />
      <p class="hint">{st(lang, 'menuHint')}</p>
      <form method="post" action="/admin/settings/menus" novalidate>
        <CsrfField token={user.csrf} />
        {/* Enter in a field saves; it must not press the first row's "move up". */}
        <button type="submit" name="op" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">
          {st(lang, 'saveMenus')}
        </button>
        {languages.map((l) => (
          <section lang={lang}>
            {menu('main', l)}
            {menu('footer', l)}
          </section>
        ))}
        <p>
          <button type="submit" name="op" value="save">
            {st(lang, 'saveMenus')}
          </button>
        </p>
      </form>
      <ResetForm lang={lang} csrf={user.csrf} action="/admin/settings/menus" />
    </AdminLayout>
  );
}
