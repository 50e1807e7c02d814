/**
 * @module Page breaks in scraped text: a paragraph that stops mid-sentence either continues in the
 * next one (joined, with a `sentence-joined` warning) or lost its continuation (a `gap` block and a
 * `content-gap` warning). Which one is decided by word tables in `labels.ts`, never by guessing text.
 */
import type { Link, Warning } from '../../model/index.ts';
import { joinText } from '../text-builder.ts';
import { COMPLEMENTIZERS, CONTINUATION_WORDS, REPORTING_VERBS, SENTENCE_END } from './labels.ts';

/** A body paragraph as read from the page, before page breaks are mended. */
export interface RawParagraph {
  text: string;
  links: Link[];
  line: number;
  lastLine: number;
  /** A junk line was dropped right before this one: the sign of a page break. */
  afterJunk: boolean;
  note?: boolean;
}

const bare = (w: string) => w.replace(/[\u064b-\u0652\u0640]/g, '').replace(/^[("'«“]+|[)"'»”,،;؛]+$/g, '');
const lastWord = (s: string) => bare(s.trim().split(/\s+/).pop() ?? '');
const firstWord = (s: string) => bare(s.trim().split(/\s+/)[0] ?? '');

type Decision = 'join' | 'gap' | 'keep';

function decide(prev: RawParagraph, next: RawParagraph, lang: string): Decision {
  if (prev.note || next.note || SENTENCE_END.test(prev.text)) return 'keep';
  if (next.afterJunk) return 'join';
  const last = lastWord(prev.text);
  const lastLower = last.toLowerCase();
  if ((CONTINUATION_WORDS[lang] ?? []).includes(lang === 'en' ? lastLower : last)) return 'join';
  if (/^[a-z]/.test(next.text)) return 'join';
  if ((REPORTING_VERBS[lang] ?? []).includes(lang === 'en' ? lastLower : last)) {
    const first = firstWord(next.text);
    return (COMPLEMENTIZERS[lang] ?? []).includes(lang === 'en' ? first.toLowerCase() : first) ? 'join' : 'gap';
  }
  return 'keep';
}

/**
 * Mends page breaks in a run of body paragraphs.
 *
 * @example
 * mendBreaks([{ text: 'It was', … }, { text: 'late.', … }], 'en', 'p.txt').blocks[0].text // → 'It was late.'
 */
export function mendBreaks(paras: RawParagraph[], lang: string, file: string): { paragraphs: (RawParagraph | 'gap')[]; warnings: Warning[] } {
  const out: (RawParagraph | 'gap')[] = [];
  const warnings: Warning[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev && prev !== 'gap') {
      const d = decide(prev, p, lang);
      if (d === 'join') {
        const joined = joinText(prev, p);
        out[out.length - 1] = { ...prev, text: joined.text, links: joined.links, lastLine: p.lastLine };
        warnings.push({ code: 'sentence-joined', file, line: p.line, message: `a sentence split by a page break was joined (line ${prev.lastLine} with line ${p.line})` });
        continue;
      }
      if (d === 'gap') {
        out.push('gap');
        warnings.push({ code: 'content-gap', file, line: prev.lastLine, message: `text is missing between line ${prev.lastLine} and line ${p.line}: the passage stops mid-sentence and the next one does not continue it` });
      }
    }
    out.push(p);
  }
  return { paragraphs: out, warnings };
}

/** Whether a paragraph reads as a section heading: short, no links, no sentence end (`'الخاتمة'` yes, `'It ended.'` no). */
export function looksLikeHeading(p: RawParagraph): boolean {
  const words = p.text.split(/\s+/).length;
  return !p.note && p.links.length === 0 && words <= 10 && p.text.length <= 90 && !/[.!:؛,،]$/.test(p.text);
}

