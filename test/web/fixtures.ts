/**
 * @module Articles written for the web tests (our own sentences), in both languages with translations,
 * authors, topics and a region, and a helper that stores them in a fresh SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleSchema, articleIdFor, type Article, type ArticleInput } from '../../src/model/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/index.ts';

const enAuthor = { slug: 'layla-haddad', name: 'Layla Haddad', title: 'Senior Fellow', bio: 'Layla Haddad studies security cooperation across North Africa.', path: '/experts/layla-haddad' };
const arAuthor = { slug: 'lyla-hdad', name: 'ليلى حداد', title: 'زميلة أقدم', bio: 'ليلى حداد باحثة في التعاون الأمني في شمال أفريقيا.', path: '/ar/experts/lyla-hdad' };
const enAuthor2 = { slug: 'omar-saleh', name: 'Omar Saleh', title: null, bio: 'Omar Saleh follows energy markets in the Gulf.', path: '/experts/omar-saleh' };

function make(input: Omit<ArticleInput, 'id' | 'dir'> & { lang: string }): Article {
  return ArticleSchema.parse({ id: articleIdFor(input.path), dir: input.lang === 'ar' ? 'rtl' : 'ltr', ...input });
}

/** A paragraph whose `anchor` words link to `url`, offsets computed so they cannot drift from the text. */
function linked(text: string, anchor: string, url: string) {
  const start = text.indexOf(anchor);
  return { kind: 'paragraph' as const, text, links: [{ text: anchor, url, start, end: start + anchor.length }] };
}

/** Four articles: two translation pairs, plus one English-only op-ed, plus one Arabic-only note. */
export function fixtureArticles(): Article[] {
  const pairEn = '/policy-analysis/grain-routes-after-the-war';
  const pairAr = '/ar/policy-analysis/trq-alhbwb-bd-alhrb';
  return [
    make({
      lang: 'en',
      type: 'brief-analysis',
      typeLabel: 'Brief Analysis',
      series: { name: 'PolicyWatch', number: 4012 },
      title: 'Grain Routes After the War',
      summary: 'Shipping lanes for wheat have shifted, and importers in North Africa are adjusting their suppliers.',
      published: '2024-03-12',
      path: pairEn,
      authors: [enAuthor, enAuthor2],
      translations: [{ lang: 'ar', path: pairAr }],
      body: [
        linked('Wheat importers changed suppliers within a single season, according to customs data.', 'customs data', 'https://example.org/customs'),
        { kind: 'heading', text: 'New suppliers', level: 2 },
        { kind: 'paragraph', text: 'Purchases from the Black Sea fell while shipments from elsewhere rose.' },
        { kind: 'gap', text: '' },
        { kind: 'list', ordered: false, items: [{ text: 'Lower freight costs' }, { text: 'Longer contracts' }] },
        { kind: 'quote', text: 'Food security is national security.' },
        { kind: 'heading', text: 'What to watch', level: 2 },
        { kind: 'table', rows: [['Year', 'Tonnes'], ['2022', '7.1m'], ['2023', '8.4m']] },
      ],
      sources: [{ url: 'https://example.org/customs', host: 'example.org', cited: 1 }],
      topics: [{ slug: 'food-security', name: 'Food Security', path: '/policy-analysis/food-security' }],
      regions: [{ slug: 'north-africa', name: 'North Africa', path: '/policy-analysis/north-africa' }],
      related: [{ type: 'op-ed', lang: 'en', title: 'Ports and Power', authors: ['Omar Saleh'], path: '/policy-analysis/ports-and-power' }],
    }),
    make({
      lang: 'ar',
      type: 'brief-analysis',
      typeLabel: 'تحليل موجز',
      series: { name: 'المرصد السياسي', number: 4012 },
      title: 'طرق الحبوب بعد الحرب',
      summary: 'تغيّرت خطوط شحن القمح، ويعيد المستوردون في شمال أفريقيا ترتيب مورّديهم.',
      published: '2024-03-12',
      path: pairAr,
      authors: [arAuthor],
      translations: [{ lang: 'en', path: pairEn }],
      body: [
        linked('غيّر مستوردو القمح مورّديهم خلال موسم واحد بحسب بيانات الجمارك.', 'بيانات الجمارك', 'https://example.org/customs'),
        { kind: 'heading', text: 'مورّدون جدد', level: 2 },
        { kind: 'paragraph', text: 'تراجعت المشتريات من البحر الأسود وارتفعت الشحنات من مصادر أخرى.' },
        { kind: 'gap', text: '' },
        { kind: 'heading', text: 'ما ينبغي مراقبته', level: 2 },
        { kind: 'paragraph', text: 'يبقى السعر العامل الأول في قرارات الشراء.' },
      ],
      sources: [{ url: 'https://example.org/customs', host: 'example.org', cited: 2 }],
      topics: [{ slug: 'alamn-alghdhayy', name: 'الأمن الغذائي', path: '/ar/policy-analysis/alamn-alghdhayy' }],
      regions: [{ slug: 'shmal-afryqya', name: 'شمال أفريقيا', path: '/ar/policy-analysis/shmal-afryqya' }],
      related: [{ type: 'op-ed', lang: 'ar', title: 'الموانئ والنفوذ', authors: ['عمر صالح'], path: null }],
    }),
    make({
      lang: 'en',
      type: 'op-ed',
      typeLabel: 'Op-Ed',
      title: 'Ports and Power',
      summary: 'Who runs a port decides more than where ships dock.',
      published: '2024-01-20',
      path: '/policy-analysis/ports-and-power',
      authors: [enAuthor2],
      body: [{ kind: 'paragraph', text: 'Concessions for container terminals are signed for decades.' }],
      topics: [{ slug: 'food-security', name: 'Food Security', path: '/policy-analysis/food-security' }],
    }),
    make({
      lang: 'ar',
      type: 'policy-analysis',
      typeLabel: 'تحليل السياسات',
      title: 'الطاقة والتحالفات في الخليج',
      summary: 'تتشابك أسواق الطاقة مع حسابات الأمن الإقليمي.',
      published: '2023-11-05',
      path: '/ar/policy-analysis/altaqa-waltahalfat',
      authors: [arAuthor],
      body: [{ kind: 'paragraph', text: 'ترتبط عقود الغاز الطويلة بترتيبات أمنية أوسع.' }],
      regions: [{ slug: 'shmal-afryqya', name: 'شمال أفريقيا', path: '/ar/policy-analysis/shmal-afryqya' }],
    }),
  ];
}

export interface TempStore {
  store: Store;
  dir: string;
  cleanup(): Promise<void>;
}

/** A fresh SQLite file in a temp dir holding `articles` (the fixtures by default). */
export async function tempStore(articles: Article[] = fixtureArticles()): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-web-'));
  const store = await openStore({ db: join(dir, 'mizan.db') });
  for (const a of articles) await store.putArticle(a);
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A site over a fresh store of the fixtures, for in-process requests (`site.get('/ar/')`). */
export async function fixtureSite(articles?: Article[], baseUrl = 'https://mizan.example') {
  const { createWebApp } = await import('../../src/web/index.ts');
  const temp = await tempStore(articles);
  const app = createWebApp({ store: temp.store, baseUrl });
  return {
    app,
    store: temp.store,
    get: (path: string, headers: Record<string, string> = {}) => app.request(path, { headers }),
    html: async (path: string) => {
      const res = await app.request(path);
      return { res, body: await res.text() };
    },
    cleanup: temp.cleanup,
  };
}

/** The JSON-LD blocks of a page. */
export function jsonLdOf(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}
