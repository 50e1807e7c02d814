/**
 * @module A small bilingual corpus for the search suite, written for it (the facts are public, the
 * sentences are ours). Each article exists to make one behaviour observable: hamza-less typing, ة/ه,
 * clitics, English stems, exact-over-stem ranking, translations, facets.
 */
import { ArticleSchema, articleIdFor, articlePath, dirOf, typeLabel, type Article, type ArticleInput, type ArticleType } from '../../src/model/index.ts';

interface Spec {
  slug: string;
  lang: 'ar' | 'en';
  type?: ArticleType;
  title: string;
  summary?: string;
  headings?: string[];
  paragraphs: string[];
  published: string | null;
  translation?: string;
  topics?: [string, string][];
  countries?: [string, string][];
  authors?: [string, string][];
}

export function makeArticle(spec: Spec): Article {
  const path = articlePath(spec.lang, spec.slug);
  const type = spec.type ?? 'brief-analysis';
  const input: ArticleInput = {
    id: articleIdFor(path),
    lang: spec.lang,
    dir: dirOf(spec.lang),
    type,
    typeLabel: typeLabel(type, spec.lang),
    title: spec.title,
    summary: spec.summary ?? '',
    published: spec.published,
    path,
    translations: spec.translation ? [{ lang: spec.lang === 'ar' ? 'en' : 'ar', path: spec.translation }] : [],
    body: [
      ...(spec.headings ?? []).map((text) => ({ kind: 'heading' as const, text, level: 2 })),
      ...spec.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    ],
    topics: (spec.topics ?? []).map(([slug, name]) => ({ slug, name, path: articlePath(spec.lang, slug) })),
    countries: (spec.countries ?? []).map(([code, name]) => ({ code, name, path: `${spec.lang === 'ar' ? '/ar' : ''}/countries/${code.toLowerCase()}` })),
    authors: (spec.authors ?? []).map(([slug, name]) => ({ slug, name, path: `${spec.lang === 'ar' ? '/ar' : ''}/experts/${slug}` })),
  };
  return ArticleSchema.parse(input);
}

export const ARMS_AR = makeArticle({
  slug: 'shrakt-alslah',
  lang: 'ar',
  title: 'شراكة السلاح بين الجزائر وروسيا',
  summary: 'تعتمد الجزائر على روسيا في معظم وارداتها من الأسلحة منذ عقود طويلة.',
  headings: ['صفقات جديدة'],
  paragraphs: [
    'وقّعت الحكومة الجزائرية عقوداً جديدة لشراء طائرات مقاتلة، وهي تبحث عن مورّدين يزوّدونها بالأسلحة الحديثة.',
    'والعلاقات بين البلدين قديمة وتعود إلى ستينيات القرن الماضي.',
  ],
  published: '2023-05-18',
  translation: '/policy-analysis/arms-partnership',
  topics: [['alamn', 'الأمن']],
  countries: [['DZ', 'الجزائر'], ['RU', 'روسيا']],
  authors: [['layla-hsn', 'ليلى حسن']],
});

export const ARMS_EN = makeArticle({
  slug: 'arms-partnership',
  lang: 'en',
  title: 'Algeria and Russia: an arms partnership',
  summary: 'Algeria has bought most of its weapons from Russia for decades.',
  paragraphs: ['The government signed new contracts for fighter aircraft ahead of the elections, and looks for other suppliers.'],
  published: '2023-05-19',
  translation: '/ar/policy-analysis/shrakt-alslah',
  topics: [['security', 'Security']],
  countries: [['DZ', 'Algeria'], ['RU', 'Russia']],
  authors: [['layla-hassan', 'Layla Hassan']],
});

export const TRADE_AR = makeArticle({
  slug: 'altjart-m-awrwba',
  lang: 'ar',
  type: 'policy-analysis',
  title: 'التجارة مع أوروبا',
  summary: 'تنويع الشركاء الاقتصاديين خيار قديم.',
  paragraphs: ['تتوسع العلاقات التجارية مع الاتحاد الأوروبي في مجال الغاز الطبيعي.'],
  published: '2021-03-01',
  topics: [['alaqtsad', 'الاقتصاد']],
  countries: [['DZ', 'الجزائر']],
});

export const GAS_EN = makeArticle({
  slug: 'natural-gas-to-europe',
  lang: 'en',
  type: 'op-ed',
  title: 'Natural gas exports to Europe',
  summary: 'Demand for gas in Europe rose sharply after 2022.',
  paragraphs: ['New pipelines under the Mediterranean carry natural gas north, and prices <b>fell</b> & rose.'],
  published: '2022-10-10',
  topics: [['economy', 'Economy']],
});

// Exact against stem-only: the same field, the same length; only the form of one word differs.
export const EXACT_AR = makeArticle({ slug: 'swq-aslht-alsyd', lang: 'ar', title: 'سوق أسلحة الصيد', paragraphs: ['نص قصير.'], published: '2019-01-01' });
export const STEM_AR = makeArticle({ slug: 'swq-alaslht-llsyd', lang: 'ar', title: 'سوق الأسلحة للصيد', paragraphs: ['نص قصير.'], published: '2020-01-01' });
export const ELECTIONS_EN = makeArticle({ slug: 'local-elections', lang: 'en', title: 'Local elections in Tunisia', paragraphs: ['A short text.'], published: '2019-01-01' });
export const ELECTION_EN = makeArticle({ slug: 'local-election', lang: 'en', title: 'Local election in Tunisia', paragraphs: ['A short text.'], published: '2020-01-01' });

// Field weights: the same word in a title and in a body.
export const TITLE_WORD = makeArticle({ slug: 'sahara-title', lang: 'en', title: 'Sahara crossings', paragraphs: ['Routes change with the seasons.'], published: '2018-01-01' });
export const BODY_WORD = makeArticle({ slug: 'sahara-body', lang: 'en', title: 'Desert routes', paragraphs: ['Trade across the Sahara changes with the seasons.'], published: '2024-01-01' });

export const CORPUS: Article[] = [ARMS_AR, ARMS_EN, TRADE_AR, GAS_EN, EXACT_AR, STEM_AR, ELECTIONS_EN, ELECTION_EN, TITLE_WORD, BODY_WORD];
