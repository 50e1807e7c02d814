/**
 * @module What went wrong, in the editor's language. Errors carry English sentences for the CLI, logs
 * and the API; here a field error becomes "العنوان: أطول من 1000 حرف" and a known failure its
 * catalog sentence. An error no catalog knows keeps its English detail after a translated lead.
 */
import { FieldError, fillPlaceholders, MizanError } from '../../lib/index.ts';
import { formatNumber } from '../i18n/index.ts';
import { at, atIfKnown, type AdminKey } from './admin-i18n.ts';

/**
 * @example errorText('ar', new FieldError('invalid-article', 'title: Too big…', { field: 'title', rule: 'too-long', limit: 1000 }))
 * // → 'العنوان: أطول من 1,000 حرف'
 */
export function errorText(lang: string, err: unknown): string {
  if (err instanceof FieldError) {
    const head = err.field.split('.')[0]!;
    const field = atIfKnown(lang, `errfield.${head}`) ?? err.field;
    const problem = at(lang, `rule.${err.rule}` as AdminKey, { n: err.limit === undefined ? '' : formatNumber(lang, err.limit) });
    return err.item === undefined ? at(lang, 'error.field', { field, problem }) : at(lang, 'error.fieldItem', { field, problem, n: formatNumber(lang, err.item) });
  }
  if (err instanceof MizanError) {
    const known = atIfKnown(lang, `err.${err.code}`);
    if (known === undefined) return at(lang, 'error.generic', { message: err.message });
    // Errors about named things (unknown authors) carry the names: the sentence repeats them.
    const names = (err as { names?: unknown }).names;
    return fillPlaceholders(known, Array.isArray(names) ? { names: names.join(lang === 'ar' ? '، ' : ', ') } : {});
  }
  return at(lang, 'error.generic', { message: lang === 'ar' ? 'خطأ غير متوقع' : 'unexpected error' });
}
