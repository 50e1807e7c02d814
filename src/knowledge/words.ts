/**
 * @module The words the matcher compares: the analyzer's words (`tokenize` + `normalize` of src/text, split at
 * hyphens exactly as `analyze` splits them), without the stems. Names are matched on whole normalized words,
 * and stemming English costs more than all the rest of recognition; a test keeps these words equal to
 * `analyze`'s `exact` forms.
 */
import { normalize, tokenize } from '../text/index.ts';

export interface Word {
  /** `normalize` of the word: what `analyze` calls `exact`. */
  exact: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
}

const HYPHEN_PART = /[^-\u2010\u2011]+/g;

/**
 * The words of `text` with their offsets (URLs and e-mail addresses left out).
 * @example words('وموسكو U.S.').map((w) => w.exact) // → ['وموسكو', 'u', 's']
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const tok of tokenize(text)) {
    if (tok.kind === 'url' || tok.kind === 'email') continue;
    if (tok.kind === 'number') {
      out.push({ exact: normalize(tok.text), start: tok.start, end: tok.end });
      continue;
    }
    if (!/[-\u2010\u2011]/.test(tok.text)) {
      const exact = normalize(tok.text);
      if (exact) out.push({ exact, start: tok.start, end: tok.end });
      continue;
    }
    HYPHEN_PART.lastIndex = 0;
    for (let m = HYPHEN_PART.exec(tok.text); m; m = HYPHEN_PART.exec(tok.text)) {
      const exact = normalize(m[0]);
      if (!exact) continue;
      const start = tok.start + m.index;
      out.push({ exact, start, end: start + m[0].length });
    }
  }
  return out;
}
