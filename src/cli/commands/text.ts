/**
 * @module `mizan text normalize|tokens|stems|slug|date|dates [--ref YYYY-MM-DD] [--json] TEXT…`: shows the
 * text analysis of each argument, one result per line, so that editors and engineers can see what the
 * index, the slugger and the date reader make of a string.
 */
import type { Command } from 'commander';
import { UsageError } from '../../lib/index.ts';
import { loadText } from '../lazy.ts';

type TextLayer = Awaited<ReturnType<typeof loadText>>;

const ACTIONS = ['normalize', 'tokens', 'stems', 'slug', 'date', 'dates'] as const;
type Action = (typeof ACTIONS)[number];

interface TextOptions {
  ref?: string;
  json?: boolean;
}

/** One line for one argument; null when the argument cannot be read (only `date`). */
function lineFor(action: Action, text: string, opts: TextOptions, layer: TextLayer): string | null {
  const { normalize, tokenize, analyze, slugify, parseDate, findDates } = layer;
  const ref = opts.ref;
  switch (action) {
    case 'normalize':
      return opts.json ? JSON.stringify(normalize(text)) : normalize(text);
    case 'tokens': {
      const tokens = tokenize(text);
      return opts.json ? JSON.stringify(tokens) : tokens.map((t) => t.text).join(' ');
    }
    case 'stems': {
      const terms = analyze(text);
      return opts.json ? JSON.stringify(terms) : terms.map((t) => t.term).join(' ');
    }
    case 'slug':
      return opts.json ? JSON.stringify(slugify(text)) : slugify(text);
    case 'date': {
      const d = parseDate(text, { ref });
      if (!d) return null;
      // A span prints as an ISO 8601 interval of its first and last units: 2019/2021, 1990/1999.
      return opts.json ? JSON.stringify(d) : d.until ? `${d.date}/${d.until}` : d.date;
    }
    case 'dates': {
      const found = findDates(text, { ref });
      return opts.json ? JSON.stringify(found) : found.map((d) => d.date).join(' ');
    }
  }
}

/**
 * Registers `mizan text`.
 * @example mizan text slug 'سابينا هينبرج'   # prints sabyna-hynbrj
 * @example mizan text date --ref 2023-05-18 'في الشهر التالي'   # prints 2023-06
 */
export function registerText(program: Command): void {
  program
    .command('text')
    .description('show the text analysis of each TEXT: normalize, tokens, stems, slug, date (one date), dates (every date in running text)')
    .argument('<action>', ACTIONS.join('|'))
    .argument('<text...>', 'the strings to analyse, one result line each')
    .option('--ref <date>', 'reference date (YYYY-MM-DD) for relative and yearless dates')
    .option('--json', 'print each result as JSON')
    .action(async (action: string, texts: string[], opts: TextOptions) => {
      if (!(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`unknown text action "${action}" (use ${ACTIONS.join(', ')})`);
      const layer = await loadText();
      if (opts.ref !== undefined && layer.parseDate(opts.ref)?.precision !== 'day') throw new UsageError(`--ref must be a date like 2023-05-18, not "${opts.ref}"`);
      let failed = false;
      for (const text of texts) {
        const line = lineFor(action as Action, text, opts, layer);
        if (line === null) {
          process.stderr.write(`mizan: cannot read a date in "${text}"\n`);
          process.stdout.write(opts.json ? 'null\n' : '\n');
          failed = true;
        } else {
          process.stdout.write(line + '\n');
        }
      }
      if (failed) process.exitCode = 1;
    });
}
