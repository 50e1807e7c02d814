/**
 * @module What an article lends to learning term pairs across languages: the content stems of its title,
 * its summary, each heading and each paragraph, in order, one unit a line (`t`, `s`, `h`, `p` first). The
 * same analyzer that indexes it gives the stems, so a learned pair is matched as the index holds words.
 */
import { blockText, type Article } from '../../model/index.ts';
import { analyze } from '../../text/index.ts';
import { indexToken } from '../index-token.ts';

export type UnitKind = 't' | 's' | 'h' | 'p';

export interface AlignUnits {
  title: string[];
  summary: string[];
  headings: string[][];
  paragraphs: string[][];
}

/** Content stems of `text`: no stop words, no bare numbers (they match themselves in any language). */
export function contentStems(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const t of analyze(text, lang)) {
    if (t.stop) continue;
    const s = indexToken(t.term);
    if (s && !/^\p{N}+$/u.test(s)) out.push(s);
  }
  return out;
}

/**
 * The units of `article`, as kept in `search_align`.
 * @example alignUnits(article) // → 't شراك تسليح …\ns …\nh مورد …\np …'
 */
export function alignUnits(article: Article): string {
  const lines = [`t ${contentStems(article.title, article.lang).join(' ')}`, `s ${contentStems(article.summary, article.lang).join(' ')}`];
  for (const block of article.body) {
    if (block.kind !== 'heading' && block.kind !== 'paragraph') continue;
    const text = blockText(block);
    if (text) lines.push(`${block.kind === 'heading' ? 'h' : 'p'} ${contentStems(text, article.lang).join(' ')}`);
  }
  return lines.join('\n');
}

/** Reads `alignUnits`'s text back. */
export function parseUnits(text: string): AlignUnits {
  const units: AlignUnits = { title: [], summary: [], headings: [], paragraphs: [] };
  for (const line of text.split('\n')) {
    const words = line.slice(2).split(' ').filter(Boolean);
    if (line[0] === 't') units.title = words;
    else if (line[0] === 's') units.summary = words;
    else if (line[0] === 'h') units.headings.push(words);
    else if (line[0] === 'p') units.paragraphs.push(words);
  }
  return units;
}
