/** @module Small articles written for tests (our own sentences), built through the model's schema. */
import { ArticleSchema, articleIdFor, articlePath, expertPath, termPath, typeLabel, type Article, type ArticleType } from '../../src/model/index.ts';

export interface MakeOptions {
  lang?: 'ar' | 'en';
  slug?: string;
  title?: string;
  type?: ArticleType;
  published?: string;
  authors?: { slug: string; name: string }[];
  topics?: { slug: string; name: string }[];
  regions?: { slug: string; name: string }[];
  translation?: { lang: string; slug: string };
  body?: Article['body'];
  series?: { name: string; number: number };
}

/** An article in Arabic by default, with one author, one topic and one region unless told otherwise. */
export function makeArticle(o: MakeOptions = {}): Article {
  const lang = o.lang ?? 'ar';
  const slug = o.slug ?? (lang === 'ar' ? 'alaqat-tjrybyt' : 'test-relations');
  const path = articlePath(lang, slug);
  const type = o.type ?? 'brief-analysis';
  return ArticleSchema.parse({
    id: articleIdFor(path),
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    type,
    typeLabel: typeLabel(type, lang),
    series: o.series ?? null,
    title: o.title ?? (lang === 'ar' ? 'علاقات تجريبية بين بلدين' : 'Test relations between two countries'),
    summary: lang === 'ar' ? 'ملخص قصير كتبناه للاختبار.' : 'A short summary written for tests.',
    published: o.published ?? '2023-05-18',
    path,
    authors: (o.authors ?? [lang === 'ar' ? { slug: 'mwlf-awl', name: 'مؤلف أول' } : { slug: 'first-author', name: 'First Author' }]).map((a) => ({
      ...a,
      title: null,
      bio: '',
      path: expertPath(lang, a.slug),
    })),
    translations: o.translation ? [{ lang: o.translation.lang, path: articlePath(o.translation.lang, o.translation.slug), exists: false }] : [],
    body: o.body ?? [
      { kind: 'paragraph', text: lang === 'ar' ? 'فقرة أولى عن التعاون بين البلدين.' : 'A first paragraph on cooperation.', links: [] },
      { kind: 'heading', text: lang === 'ar' ? 'عنوان فرعي' : 'A subheading', level: 2, links: [] },
    ],
    topics: (o.topics ?? [lang === 'ar' ? { slug: 'mwdw-awl', name: 'موضوع أول' } : { slug: 'first-topic', name: 'First Topic' }]).map((t) => ({
      ...t,
      path: termPath(lang, t.slug),
    })),
    regions: (o.regions ?? [lang === 'ar' ? { slug: 'mntqt-awla', name: 'منطقة أولى' } : { slug: 'first-region', name: 'First Region' }]).map((t) => ({
      ...t,
      path: termPath(lang, t.slug),
    })),
  });
}
