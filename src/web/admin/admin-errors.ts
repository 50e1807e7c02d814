/**
 * @module What went wrong, in the editor's language. Errors carry English sentences for the CLI, logs
 * and the API; here a field error becomes "العنوان: أطول من 1000 حرف" and a known failure its
 * catalog sentence (`err.<code>`, or `err.<code>.<problem>` where one code covers several problems),
 * filled with the values the error carries. An error no catalog knows keeps its English detail after a
 * translated lead.
 */
import { FieldError, fillPlaceholders, MizanError } from '../../lib/index.ts';
import { EMPTY_FORM, type ArticleForm } from '../../app/index.ts';
import { formatNumber } from '../i18n/index.ts';
import { at, atIfKnown, type AdminKey } from './admin-i18n.ts';

/** The error's values as the sentence shows them: numbers in the page's digits, list names translated. */
function valuesOf(lang: string, err: MizanError): Record<string, string> {
  const values: Record<string, string> = { detail: err.message };
  for (const [k, v] of Object.entries(err.data)) values[k] = typeof v === 'number' ? formatNumber(lang, v) : v;
  if (typeof err.data.list === 'string') values.list = atIfKnown(lang, `errfield.${err.data.list}`) ?? err.data.list;
  // Errors about named things (unknown authors) carry the names: the sentence repeats them.
  const names = (err as { names?: unknown }).names;
  if (Array.isArray(names)) values.names = names.join(lang === 'ar' ? '، ' : ', ');
  return values;
}

/** The sentence alone, without the line. */
function sentence(lang: string, err: unknown): string {
  if (err instanceof FieldError) {
    const head = err.field.split(/[.[]/)[0]!;
    const field = atIfKnown(lang, `errfield.${head}`) ?? err.field;
    let problem = at(lang, `rule.${err.rule}` as AdminKey, { n: err.limit === undefined ? '' : formatNumber(lang, err.limit) });
    if (err.allowed?.length) problem = at(lang, 'error.allowed', { text: problem, allowed: err.allowed.join(lang === 'ar' ? '، ' : ', ') });
    // The value refused is shown when given (`fr`, `2023-02-30`).
    if (err.item !== undefined) return at(lang, 'error.fieldItem', { field, problem, n: formatNumber(lang, err.item) });
    return err.value !== undefined && err.value !== '' ? at(lang, 'error.fieldValue', { field, problem, value: err.value }) : at(lang, 'error.field', { field, problem });
  }
  if (err instanceof MizanError) {
    const problem = err.data.problem;
    const known = (problem === undefined ? undefined : atIfKnown(lang, `err.${err.code}.${problem}`)) ?? atIfKnown(lang, `err.${err.code}`);
    if (known === undefined) return at(lang, 'error.generic', { message: err.message });
    return fillPlaceholders(known, valuesOf(lang, err));
  }
  return at(lang, 'error.generic', { message: lang === 'ar' ? 'خطأ غير متوقع' : 'unexpected error' });
}

/**
 * @example errorText('ar', new FieldError('invalid-article', 'title: Too big…', { field: 'title', rule: 'too-long', limit: 1000 }))
 * // → 'العنوان: أطول من 1,000 حرف'
 */
export function errorText(lang: string, err: unknown): string {
  return sentence(lang, err);
}

/**
 * The same for a file the editor uploaded, naming its line where that says more than "the start" (the
 * form's own fields are read as a file too, but their lines mean nothing to the editor).
 *
 * @example uploadErrorText('ar', new MizanError('bad-json', 'not valid JSON: Unexpected end of JSON input', { file: 'a.json', line: 3, data: { detail: 'Unexpected end of JSON input' } }))
 * // → 'السطر 3: الملف ليس JSON صالحاً (رسالة المحلّل: Unexpected end of JSON input).'
 */
export function uploadErrorText(lang: string, err: unknown): string {
  const text = sentence(lang, err);
  if (err instanceof MizanError && err.file && err.line !== undefined && err.line > 1) return at(lang, 'error.atLine', { message: text, n: formatNumber(lang, err.line) });
  return text;
}

/** Errors about one field of the article form that are no FieldError, by code. */
const FIELD_OF_CODE: Record<string, keyof ArticleForm> = { 'bad-date': 'published', 'slug-needed': 'slug', 'path-taken': 'slug', 'unknown-author': 'authors' };

/**
 * The article form's field an error is about, so the form can say it beside that field; undefined when
 * it is about none (or about one shown elsewhere, such as the body).
 *
 * @example formFieldOf(new FieldError('invalid-article', 'series.number: …', { field: 'series.number', rule: 'invalid' })) // → 'seriesNumber'
 */
export function formFieldOf(err: MizanError): keyof ArticleForm | undefined {
  if (!(err instanceof FieldError)) return FIELD_OF_CODE[err.code];
  const head = err.field.split(/[.[]/)[0]!;
  if (head === 'series') return err.field.includes('number') ? 'seriesNumber' : 'seriesName';
  if (head === 'path') return 'slug';
  if (head === 'body' || head === 'bodyJson' || head === 'image') return undefined;
  return Object.hasOwn(EMPTY_FORM, head) ? (head as keyof ArticleForm) : undefined;
}
