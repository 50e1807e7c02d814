/** @module The words of the series pages, in each language the site speaks. */
import { fillPlaceholders } from '../../lib/index.ts';

const en = {
  kicker: 'Series',
  lede: 'Every issue of {name} in English, newest first. Follow it by e-mail below.',
  issues: 'Latest in {name}',
  none: 'Nothing in this series in English yet.',
  indexTitle: 'Series',
  indexLede: 'The institute’s regular series. Each has its own page, feeds and e-mail alerts.',
  indexEmpty: 'No series yet.',
  noneHere: 'nothing in English yet',
  allSeries: 'All series',
  feeds: 'Follow {name} by feed',
} as const;

const ar: Record<keyof typeof en, string> = {
  kicker: 'سلسلة',
  lede: 'إصدارات {name} بالعربية، الأحدث أولًا. تابعها عبر البريد الإلكتروني أدناه.',
  issues: 'أحدث إصدارات {name}',
  none: 'لا إصدارات بالعربية في هذه السلسلة بعد.',
  indexTitle: 'السلاسل',
  indexLede: 'سلاسل المعهد الدورية. لكل منها صفحتها وخلاصاتها وتنبيهاتها بالبريد الإلكتروني.',
  indexEmpty: 'لا سلاسل بعد.',
  noneHere: 'لا إصدارات بالعربية بعد',
  allSeries: 'كل السلاسل',
  feeds: 'تابع {name} عبر الخلاصات',
};

const CATALOGS: Record<string, Record<keyof typeof en, string>> = { en, ar };

export function serT(lang: string, key: keyof typeof en, vars: Record<string, string | number> = {}): string {
  return fillPlaceholders((CATALOGS[lang] ?? en)[key], vars);
}
