/**
 * @module A schema's first complaint as a `FieldError`: the field's path and the rule it broke, so the
 * editors' side can say "العنوان: أطول من ١٠٠٠ حرف" rather than zod's English.
 */
import type { z } from 'zod';
import { FieldError, type FieldRule } from '../lib/index.ts';

type Issue = z.core.$ZodIssue;

/** The rule an issue broke, with its bound. */
export function fieldRuleOf(issue: Issue): { rule: FieldRule; limit?: number } {
  const bound = (v: unknown) => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : undefined);
  switch (issue.code) {
    case 'too_big': {
      const limit = bound(issue.maximum);
      return { rule: issue.origin === 'string' ? 'too-long' : issue.origin === 'array' || issue.origin === 'set' ? 'too-many' : 'too-large', limit };
    }
    case 'too_small': {
      const limit = bound(issue.minimum);
      if (issue.origin === 'string') return limit === 1 ? { rule: 'required' } : { rule: 'too-short', limit };
      return issue.origin === 'array' || issue.origin === 'set' ? (limit === 1 ? { rule: 'required' } : { rule: 'too-few', limit }) : { rule: 'too-small', limit };
    }
    case 'invalid_type':
      return { rule: issue.input === undefined ? 'required' : 'invalid' };
    case 'invalid_format':
      return { rule: 'bad-format' };
    case 'invalid_value':
    case 'unrecognized_keys':
      return { rule: 'not-allowed' };
    default:
      return { rule: 'invalid' };
  }
}

/**
 * A field's path as people write it: `fieldName(['authors', 0, 'name'])` → `'authors[0].name'`.
 */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || 'article';
}

/**
 * @example fieldError('invalid-article', issue) // → FieldError 'title: Too big: …' with field 'title', rule 'too-long', limit 1000
 */
export function fieldError(code: string, issue: Issue, opts: { prefix?: string; status?: number } = {}): FieldError {
  const field = issue.path.map(String).join('.') || opts.prefix || 'value';
  return new FieldError(code, `${field}: ${issue.message}`, { field, ...fieldRuleOf(issue) }, { status: opts.status });
}
