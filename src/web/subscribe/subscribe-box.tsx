/**
 * @module The small subscribe form on every topic, region, expert and series page: an address and one button
 * to follow what the page is about, in the page's language, instantly; "more options" opens the full
 * form with the same follow ticked. It carries no per-reader token, so the page stays cacheable.
 */
import { st } from './subscribe-i18n.ts';
import { subscribePath } from './subscribe-pages.tsx';

export interface SubscribeBoxProps {
  lang: string;
  kind: 'topic' | 'region' | 'expert' | 'series';
  /** The term id, expert id or series name. */
  target: string;
  name: string;
}

/** @example <SubscribeBox lang="ar" kind="topic" ref={term.id} name={term.name} /> */
export function SubscribeBox(props: SubscribeBoxProps) {
  const { lang } = props;
  const id = `sub-box-${props.kind}`;
  return (
    <aside class="sub-box" aria-labelledby={id}>
      <h2 id={id}>{st(lang, 'box.title', { name: props.name })}</h2>
      <form method="post" action={subscribePath(lang)}>
        <input type="hidden" name="follow" value={`${props.kind}:${props.target}`} />
        <input type="hidden" name="langs" value={lang} />
        <input type="hidden" name="frequency" value="instant" />
        <label>
          <span class="visually-hidden">{st(lang, 'email')}</span>
          <input type="email" name="email" required maxlength={254} autocomplete="email" inputmode="email" dir="ltr" placeholder="name@example.org" />
        </label>
        <button type="submit">{st(lang, 'box.submit')}</button>
      </form>
      <p>
        <a href={`${subscribePath(lang)}?${props.kind}=${encodeURIComponent(props.target)}`}>{st(lang, 'box.more')}</a>
      </p>
    </aside>
  );
}
