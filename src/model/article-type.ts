/**
 * @module The kinds of publication an institute issues, with their labels per language. Labels are
 * also how importers recognise a type on a page, so every spelling a site uses belongs here.
 */

export const ARTICLE_TYPES = [
  'brief-analysis',
  'policywatch',
  'policy-note',
  'policy-analysis',
  'articles-testimony',
  'in-depth-report',
  'op-ed',
  'testimony',
  'other',
  // A static page of the institute (About, Contact, Support…), served at /<slug> and /ar/<slug>.
  'page',
] as const;

export type ArticleType = (typeof ARTICLE_TYPES)[number];

/** The types of publication: every type but `page`, which never appears in listings or feeds. */
export const PUBLICATION_TYPES = ARTICLE_TYPES.filter((t) => t !== 'page') as Exclude<ArticleType, 'page'>[];

/** Display label of each type per language. */
export const TYPE_LABELS: Record<ArticleType, Record<string, string>> = {
  'brief-analysis': { en: 'Brief Analysis', ar: 'تحليل موجز' },
  policywatch: { en: 'PolicyWatch', ar: 'المرصد السياسي' },
  'policy-note': { en: 'Policy Note', ar: 'ملاحظة سياسية' },
  'policy-analysis': { en: 'Policy Analysis', ar: 'تحليل السياسات' },
  'articles-testimony': { en: 'Articles & Testimony', ar: 'مقالات وشهادات' },
  'in-depth-report': { en: 'In-Depth Report', ar: 'تقرير معمق' },
  'op-ed': { en: 'Op-Ed', ar: 'مقالة رأي' },
  testimony: { en: 'Testimony', ar: 'شهادة' },
  other: { en: 'Analysis', ar: 'تحليل' },
  page: { en: 'Page', ar: 'صفحة' },
};

/** `typeLabel('brief-analysis', 'ar')` → `'تحليل موجز'`. */
export function typeLabel(type: ArticleType, lang: string): string {
  const labels = TYPE_LABELS[type];
  return labels[lang] ?? labels.en;
}

function fold(label: string): string {
  return label.toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();
}

const byLabel = new Map<string, ArticleType>();
for (const type of ARTICLE_TYPES) {
  for (const label of Object.values(TYPE_LABELS[type])) byLabel.set(fold(label), type);
}
// Other spellings seen on pages.
for (const [label, type] of [
  ['articles and testimony', 'articles-testimony'],
  ['policy watch', 'policywatch'],
  ['op ed', 'op-ed'],
  ['opinion', 'op-ed'],
  ['تحليل مختصر', 'brief-analysis'],
  ['مقالات و شهادات', 'articles-testimony'],
  ['شهادة أمام الكونغرس', 'testimony'],
] as const) {
  byLabel.set(fold(label), type);
}

/** The type a label names, in any language and letter case: `typeFromLabel('BRIEF ANALYSIS')` → `'brief-analysis'`. */
export function typeFromLabel(label: string): ArticleType | undefined {
  return byLabel.get(fold(label));
}

/**
 * A series' name as `lang` writes it: a series the site knows (its name is a type's label in some
 * language) is translated; any other name is kept as given.
 *
 * @example seriesName('PolicyWatch', 'ar') // → 'المرصد السياسي'
 * @example seriesName('Gulf Papers', 'ar') // → 'Gulf Papers'
 */
export function seriesName(name: string, lang: string): string {
  const type = typeFromLabel(name);
  return type === 'policywatch' || type === 'policy-note' ? typeLabel(type, lang) : name;
}
