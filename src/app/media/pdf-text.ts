/**
 * @module The one adapter over poppler's `pdfinfo` and `pdftotext` (Debian's poppler-utils): checks that
 * bytes are a PDF Mizan accepts as an attachment and extracts its text in logical order (Arabic as
 * typed, not as drawn). Poppler runs as a separate process with a time limit, so a hostile file can
 * stall or crash it without harming the server. Replacing the extractor means rewriting this file only.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaError } from './image-codec.ts';

/** The largest attachment accepted (bytes): a long report with figures, well under the admin's 32 MB body limit. */
export const MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024;
/** Extracted text kept (characters): a 400-page report; past it, the rest is not searchable. */
export const MAX_ATTACHMENT_TEXT = 2_000_000;
/** How long poppler may take over one file. */
const TIME_LIMIT_MS = 30_000;

/** Bidi controls pdftotext puts around runs (U+202A–U+202E, U+2066–U+2069, LRM, RLM): not part of the text. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export interface PdfText {
  pages: number;
  /** The document's text, pages separated by blank lines, trimmed to `MAX_ATTACHMENT_TEXT`. */
  text: string;
}

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; missing?: boolean }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: TIME_LIMIT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: unknown; killed?: boolean }) | null;
      if (e && e.code === 'ENOENT') return resolve({ code: -1, stdout: '', stderr: '', missing: true });
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : e.killed ? -2 : 1) : 0, stdout, stderr });
    });
  });
}

/** Whether the bytes open as a PDF: `%PDF-` within the first kilobyte (where readers look for it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

/**
 * The text of a PDF, after checking it is one Mizan accepts: not empty, at most 30 MB, a PDF by its
 * contents (not its name), readable, and not encrypted.
 *
 * @example await pdfText(readFileSync('note.pdf'), 'note.pdf') // → { pages: 4, text: 'مذكرة سياسات: …' }
 * @throws MediaError naming the file: a script renamed .pdf, an encrypted or damaged PDF, 30 MB or more
 */
export async function pdfText(bytes: Uint8Array, name: string): Promise<PdfText> {
  if (bytes.length === 0) throw new MediaError(`${name}: the file is empty`, { file: name });
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new MediaError(`${name}: larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, { file: name, status: 413 });
  if (!looksLikePdf(bytes)) throw new MediaError(`${name}: not a PDF (its contents are something else, whatever its name says)`, { file: name });
  const dir = mkdtempSync(join(tmpdir(), 'mizan-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const info = await run('pdfinfo', [file]);
    if (info.missing) throw new MediaError(`${name}: PDF attachments need poppler's pdfinfo and pdftotext (Debian: apt-get install poppler-utils)`, { file: name, status: 503 });
    if (info.code === -2) throw new MediaError(`${name}: the PDF took too long to read; refused`, { file: name });
    if (/incorrect password/i.test(info.stderr) || /^Encrypted:\s+yes/m.test(info.stdout)) {
      // Refused even when it opens without a password: copy restrictions can keep screen readers
      // (and the search index) from the text, and readers are owed an open file.
      throw new MediaError(`${name}: the PDF is encrypted (password or copy protection); upload an unprotected copy`, { file: name });
    }
    if (info.code !== 0) throw new MediaError(`${name}: a damaged or malformed PDF that cannot be read`, { file: name, cause: new Error(info.stderr.split('\n')[0]) });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? 0);
    if (!pages) throw new MediaError(`${name}: a damaged or malformed PDF that cannot be read (no pages)`, { file: name });
    const out = await run('pdftotext', ['-enc', 'UTF-8', '-nopgbrk', file, '-']);
    if (out.code === -2) throw new MediaError(`${name}: the PDF took too long to read; refused`, { file: name });
    if (out.code !== 0) throw new MediaError(`${name}: a damaged or malformed PDF that cannot be read`, { file: name, cause: new Error(out.stderr.split('\n')[0]) });
    const text = out.stdout
      .replace(BIDI_CONTROLS, '')
      .replace(/[ \t\f\v]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
      .slice(0, MAX_ATTACHMENT_TEXT);
    return { pages, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
