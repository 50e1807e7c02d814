/**
 * @module Authors' names as citation managers want them: family and given parts where the name has them.
 * Arabic names split at their last naming unit, where a particle binds to the word after it (بن عمر,
 * عبد المجيد, أبو زيد, آل سعود), so APA's in-text citation reads "(هينبرج وآخرون، 2023)", not the whole name.
 * A name of one unit stays a literal.
 */

export type CslName = { literal: string } | { given: string; family: string };

// Particles that form one naming unit with the word after them.
const ARABIC_PARTICLES = new Set(['بن', 'ابن', 'بنت', 'أبو', 'ابو', 'أبي', 'عبد', 'آل', 'ال', 'ذو', 'أم']);
const LATIN_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'ibn', 'abu', 'al', 'el']);

function units(words: string[], particles: Set<string>): string[] {
  const out: string[] = [];
  let pending = '';
  for (const w of words) {
    // A particle takes the next word with it ("بن عمر", "van der Berg"); a run of particles stays together.
    if (particles.has(w.toLowerCase())) {
      pending = pending ? `${pending} ${w}` : w;
      continue;
    }
    out.push(pending ? `${pending} ${w}` : w);
    pending = '';
  }
  if (pending) out.push(pending);
  return out;
}

/**
 * @example cslName('سابينا هينبرج') // → { given: 'سابينا', family: 'هينبرج' }
 * @example cslName('ليلى بن عمر')   // → { given: 'ليلى', family: 'بن عمر' }
 * @example cslName('عبد المجيد تبون') // → { given: 'عبد المجيد', family: 'تبون' }
 * @example cslName('Daniel Hartley') // → { given: 'Daniel', family: 'Hartley' }
 * @example cslName('سقراط')          // → { literal: 'سقراط' }
 */
export function cslName(name: string): CslName {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const arabic = /[\u0600-\u06ff]/.test(name);
  const parts = units(words, arabic ? ARABIC_PARTICLES : LATIN_PARTICLES);
  if (parts.length < 2) return { literal: name.trim() };
  return { given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1]! };
}
