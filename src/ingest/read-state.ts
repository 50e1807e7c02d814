/**
 * @module The editorial state a file declares beside its article (`status`, `publishAt` in front matter
 * or Article JSON, as `mizan export` writes them). A file that says nothing has no state: the importer
 * then decides (a new page is published, as a page file always was).
 */
import { MizanError } from '../lib/index.ts';
import { ARTICLE_STATUSES, isArticleStatus, type ArticleState } from '../model/index.ts';

/**
 * `readState({ status: 'scheduled', publishAt: '2030-01-01T09:00:00Z' }, 'a.md')` → `{ status: 'scheduled', publishAt: '2030-01-01T09:00:00.000Z' }`.
 */
export function readState(fields: Record<string, unknown>, file: string): ArticleState | null {
  const { status, publishAt } = fields;
  if (status === undefined || status === null) {
    if (publishAt !== undefined && publishAt !== null) throw new MizanError('bad-state', 'publishAt is given without status: scheduled', { file });
    return null;
  }
  if (!isArticleStatus(status)) {
    throw new MizanError('bad-state', `unknown status '${String(status)}' (one of ${ARTICLE_STATUSES.join(', ')})`, { file });
  }
  if (status !== 'scheduled') {
    if (publishAt !== undefined && publishAt !== null) throw new MizanError('bad-state', `publishAt only goes with status: scheduled (this one is ${status})`, { file });
    return { status, publishAt: null };
  }
  const at = publishAt instanceof Date ? publishAt.getTime() : typeof publishAt === 'string' ? Date.parse(publishAt) : NaN;
  if (Number.isNaN(at)) throw new MizanError('bad-state', 'a scheduled article needs publishAt: the date and time it goes out (ISO 8601)', { file });
  return { status, publishAt: new Date(at).toISOString() };
}
