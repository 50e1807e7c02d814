/**
 * @module What one page may hold, and the checks that refuse more before it costs the importer its time
 * or the process its stack: nesting depth (HTML elements, Markdown quotes, lists and inline markers),
 * element and block counts, table cells and text length. Every walk over input is iterative; the
 * parsers behind the importers are not (marked lexes nested quotes and lists by recursion, and its
 * list and emphasis rules grow faster than the input), so Markdown is checked line by line before it is
 * lexed. A refusal names the file and, where it can, the line (HTTP 422, CLI exit 1).
 */
import { MizanError } from '../lib/index.ts';
import type { Block } from '../model/index.ts';
import { ELEMENT_NODE, type DomElement } from './html/dom.ts';

export const PAGE_LIMITS = {
  /** Elements inside elements (HTML); quotes inside quotes or lists inside lists (Markdown). Real pages stay under 40. */
  depth: 100,
  /** Elements in one HTML page. */
  elements: 200_000,
  /** Body blocks in one article. */
  blocks: 20_000,
  /** Cells in one table (rows × the widest row). */
  tableCells: 100_000,
  /** Characters of body text in one article. */
  textChars: 5_000_000,
  /** A run of one emphasis or strike marker (`*`, `_`, `~`) or unclosed brackets in one Markdown line. */
  inlineMarkers: 64,
  /** Columns of indentation before a Markdown line's text (lists nest by indentation). */
  indent: 200,
  /** Entries of one of an article's lists (authors, translations, topics, regions, countries, sources, related). */
  listItems: 1_000,
} as const;

function tooMuch(code: string, message: string, file: string, line: number | null | undefined, data: Record<string, string | number>): MizanError {
  return new MizanError(code, message, { file, line: line ?? undefined, status: 422, data });
}

/** The 1-based line of character `offset` in `source`. */
function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/** Where in `source` the `depth`-th unclosed `<tag>` opens, roughly (for the message): a line number or null. */
function lineOfDepth(source: string, tag: string, depth: number): number | null {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  let open = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    open += m[1] ? -1 : 1;
    if (open >= depth) return lineAt(source, m.index);
  }
  return null;
}

/** Refuses, before parsing, HTML with more start tags than `PAGE_LIMITS.elements` (parsing them alone takes seconds). */
export function checkHtmlSource(file: string, source: string): void {
  let tags = 0;
  const re = /<[A-Za-z]/g;
  while (re.exec(source)) {
    if (++tags > PAGE_LIMITS.elements) {
      throw tooMuch('too-many-elements', `the page has more than ${PAGE_LIMITS.elements.toLocaleString('en')} HTML elements; split it or remove the markup that is not the article`, file, lineAt(source, re.lastIndex), { limit: PAGE_LIMITS.elements });
    }
  }
}

/**
 * Refuses a parsed HTML page nested deeper than `PAGE_LIMITS.depth` or with more than
 * `PAGE_LIMITS.elements` elements, in one iterative walk (the importer's own walks recurse per level).
 *
 * @example checkHtmlTree(doc.documentElement, 'deep.html', html) // throws "deep.html:12: elements nest 101 deep …"
 */
export function checkHtmlTree(root: DomElement, file: string, source: string): void {
  const stack: [DomElement, number][] = [[root, 1]];
  let count = 0;
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (++count > PAGE_LIMITS.elements) {
      throw tooMuch('too-many-elements', `the page has more than ${PAGE_LIMITS.elements.toLocaleString('en')} HTML elements; split it or remove the markup that is not the article`, file, undefined, { limit: PAGE_LIMITS.elements });
    }
    if (depth > PAGE_LIMITS.depth) {
      const tag = el.tagName.toLowerCase();
      throw tooMuch('too-deep', `HTML elements nest more than ${PAGE_LIMITS.depth} deep (<${tag}> inside <${tag}> …); no article needs that: the page was refused`, file, lineOfDepth(source, tag, PAGE_LIMITS.depth), { problem: 'html', limit: PAGE_LIMITS.depth });
    }
    for (const child of el.children) if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
  }
}

/**
 * Refuses Markdown whose quotes or lists nest deeper than `PAGE_LIMITS.depth` (or indent further than
 * `PAGE_LIMITS.indent` columns), or with a line of more than `PAGE_LIMITS.inlineMarkers` emphasis
 * markers in a row or unclosed brackets: the shapes that make the Markdown lexer recurse or slow down
 * without end. `firstLine` is the line of the body's first line in the file.
 */
export function checkMarkdownSource(file: string, body: string, firstLine = 1): void {
  const lines = body.split('\n');
  let paragraphs = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const at = firstLine + i;
    // Every block starts on a line after a blank one: count them before the lexer does the work.
    if (line.trim() !== '' && (i === 0 || lines[i - 1].trim() === '') && ++paragraphs > PAGE_LIMITS.blocks) checkBlockCount(paragraphs, file, at);
    let quotes = 0;
    let col = 0;
    let p = 0;
    for (; p < line.length; p++) {
      const ch = line[p];
      if (ch === '>') quotes++;
      else if (ch === ' ') col++;
      else if (ch === '\t') col += 4;
      else break;
    }
    if (quotes > PAGE_LIMITS.depth) throw tooMuch('too-deep', `quotes nest ${quotes} deep (more than ${PAGE_LIMITS.depth}); the page was refused`, file, at, { problem: 'quotes', limit: PAGE_LIMITS.depth });
    if (col > PAGE_LIMITS.indent) throw tooMuch('too-deep', `the line is indented ${col} columns (lists nest more than ${PAGE_LIMITS.indent / 2} deep); the page was refused`, file, at, { problem: 'indent', limit: PAGE_LIMITS.indent / 2 });
    if (/^\s*([*_~-])(\s*\1){2,}\s*$/.test(line)) continue; // a thematic break, however long
    let run = 1;
    let brackets = 0;
    for (let k = p; k < line.length; k++) {
      const ch = line[k];
      run = k > p && ch === line[k - 1] && (ch === '*' || ch === '_' || ch === '~') ? run + 1 : 1;
      if (ch === '[') brackets++;
      else if (ch === ']' && brackets > 0) brackets--;
      if (run > PAGE_LIMITS.inlineMarkers || brackets > PAGE_LIMITS.inlineMarkers) {
        throw tooMuch('too-deep', `more than ${PAGE_LIMITS.inlineMarkers} ${run > PAGE_LIMITS.inlineMarkers ? `'${ch}' markers in a row` : 'unclosed brackets'} in one line; the page was refused`, file, at, { problem: 'markers', limit: PAGE_LIMITS.inlineMarkers });
      }
    }
  }
}

/** Throws once an importer has produced more than `PAGE_LIMITS.blocks` blocks: call it as blocks are added. */
export function checkBlockCount(count: number, file: string, line?: number | null): void {
  if (count > PAGE_LIMITS.blocks) {
    throw tooMuch('too-many-blocks', `the article has more than ${PAGE_LIMITS.blocks.toLocaleString('en')} paragraphs, headings and other blocks; split it into several articles`, file, line, { limit: PAGE_LIMITS.blocks });
  }
}

/** Refuses a finished body over the limits of blocks, table cells and text; every importer ends here. */
export function checkBody(body: readonly Block[], file: string): void {
  checkBlockCount(body.length, file);
  let chars = 0;
  for (const block of body) {
    if (block.kind === 'table') {
      const width = block.rows.reduce((w, r) => Math.max(w, r.length), 0);
      if (width * block.rows.length > PAGE_LIMITS.tableCells) {
        throw tooMuch('too-big', `a table has ${block.rows.length.toLocaleString('en')} rows of ${width} cells, more than ${PAGE_LIMITS.tableCells.toLocaleString('en')} cells`, file, undefined, { problem: 'table', limit: PAGE_LIMITS.tableCells });
      }
      for (const row of block.rows) for (const cell of row) chars += cell.length;
    } else if (block.kind === 'list') {
      for (const item of block.items) chars += item.text.length;
    } else if ('text' in block) {
      chars += block.text.length;
    }
    if (chars > PAGE_LIMITS.textChars) {
      throw tooMuch('too-big', `the article's text is longer than ${PAGE_LIMITS.textChars.toLocaleString('en')} characters; split it into several articles`, file, undefined, { problem: 'text', limit: PAGE_LIMITS.textChars });
    }
  }
}

/** Refuses an article with more than `PAGE_LIMITS.listItems` authors, topics, translations or other list entries. */
export function checkLists(lists: Record<string, readonly unknown[] | undefined>, file: string): void {
  for (const [name, items] of Object.entries(lists)) {
    if (items && items.length > PAGE_LIMITS.listItems) {
      throw tooMuch('too-many', `the article lists ${items.length.toLocaleString('en')} ${name}; at most ${PAGE_LIMITS.listItems.toLocaleString('en')} are accepted`, file, undefined, { list: name, limit: PAGE_LIMITS.listItems });
    }
  }
}
