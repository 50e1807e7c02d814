/**
 * @module `mizan search QUERY… [--lang ar|en] [--json]` (searches as the site does) and
 * `mizan reindex` (rebuilds the search index from the store).
 */
import type { Command } from 'commander';
import type { SearchResponse } from '../../search/index.ts';
import { storeFor } from '../context.ts';
import { loadApp } from '../lazy.ts';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A snippet's HTML as terminal text: marks in bold on a terminal, in «» elsewhere. */
function snippetText(html: string, tty: boolean): string {
  const [open, close] = tty ? ['\x1b[1m', '\x1b[22m'] : ['«', '»'];
  return html
    .replace(/<mark>/g, open)
    .replace(/<\/mark>/g, close)
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
}

function printHits(result: SearchResponse, tty: boolean): void {
  const out: string[] = [];
  if (result.notice) out.push(result.notice, '');
  result.hits.forEach((hit, i) => {
    out.push(`${i + 1}. ${hit.title} [${hit.lang}${hit.published ? `, ${hit.published}` : ''}${hit.crossLanguage ? ', through translation' : ''}]`);
    out.push(`   ${hit.path}`);
    if (hit.snippet) out.push(`   ${snippetText(hit.snippet, tty)}`);
    for (const t of hit.translations) out.push(`   ${t.lang}: ${t.title} — ${t.path}`);
  });
  out.push(`${result.approximate ? 'about ' : ''}${result.total} result${result.total === 1 ? '' : 's'}`);
  process.stdout.write(out.join('\n') + '\n');
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search the articles as the site does')
    .argument('<query...>', 'words, "phrases", -exclusions, OR')
    .option('--lang <lang>', 'only articles in this language (ar, en)')
    .option('--type <type>', 'only articles of this type')
    .option('--page <n>', 'page of results', '1')
    .option('--sort <order>', 'relevance or date', 'relevance')
    .option('--json', "print the API's search response")
    .action(async (words: string[], opts: { lang?: string; type?: string; page: string; sort: string; json?: boolean }, cmd: Command) => {
      const [{ parseSearchQuery }, { searchArticles }] = await Promise.all([import('../../search/index.ts'), loadApp()]);
      const query = parseSearchQuery({ q: words.join(' '), lang: opts.lang, type: opts.type, page: opts.page, sort: opts.sort });
      const store = await storeFor(cmd);
      try {
        const result = await searchArticles(store, query);
        if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        else printHits(result, Boolean(process.stdout.isTTY));
      } finally {
        await store.close();
      }
    });
  program
    .command('reindex')
    .description('rebuild the search index from the stored articles')
    .action(async (_opts: unknown, cmd: Command) => {
      const { reindex, storeTarget } = await loadApp();
      const store = await storeFor(cmd);
      try {
        const started = performance.now();
        const count = await reindex(store, { target: storeTarget(cmd.optsWithGlobals() as { db?: string }) });
        process.stdout.write(`indexed ${count} article${count === 1 ? '' : 's'} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      } finally {
        await store.close();
      }
    });
}
