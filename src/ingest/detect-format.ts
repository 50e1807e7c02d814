/**
 * @module Which importer a file goes to: by its extension first, else by what its first bytes look like.
 */

export type Format = 'text' | 'html' | 'md' | 'json';

export const FORMATS: readonly Format[] = ['text', 'html', 'md', 'json'];

const BY_EXTENSION: Record<string, Format> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'md',
  markdown: 'md',
  json: 'json',
};

/**
 * The format of a page file. Give the decoded text where there is one (readPage does): a page in
 * UTF-16 reads as its text, not as its bytes.
 *
 * @example
 * detectFormat('a.md', new Uint8Array()) // → 'md'
 * detectFormat('page', new TextEncoder().encode('<!doctype html><p>x')) // → 'html'
 */
export function detectFormat(file: string, content: Uint8Array | string): Format {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const start = typeof content === 'string' ? content.slice(0, 1024) : new TextDecoder('utf-8').decode(content.subarray(0, 1024));
  const head = start.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'json';
  if (/^---\r?\n/.test(head)) return 'md';
  if (/^<(!doctype\s+html|html|head|body|article|meta|div|p|h1)\b/i.test(head) || /^<\?xml[^>]*>\s*<html/i.test(head)) return 'html';
  return 'text';
}
