/**
 * @module Finds and reads the institute's configuration file (`mizan.config.json`, `.yaml` or `.yml`) and
 * turns it into the SiteConfig a running site uses. The file is named by `--config`, else by
 * MIZAN_CONFIG, else found beside the SQLite database (or in the working directory on PostgreSQL). A
 * wrong key is refused as `file: key.path: what was expected`, before anything is served.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { MizanError } from '../../lib/index.ts';
import { DEFAULT_SITE, LANGS, SiteConfigSchema, type SiteConfig } from '../../model/index.ts';

/** The names looked for beside the database, in this order. */
export const CONFIG_NAMES = ['mizan.config.json', 'mizan.config.yaml', 'mizan.config.yml'];

const LOGO_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };
const MAX_CONFIG_BYTES = 1 << 20;
const MAX_LOGO_BYTES = 2 << 20;

/** A configuration file that cannot be used: names the file and the key. */
export class ConfigError extends MizanError {
  readonly key?: string;
  constructor(file: string, message: string, opts: { key?: string; line?: number; cause?: unknown } = {}) {
    super('bad-config', opts.key ? `${opts.key}: ${message}` : message, { file, line: opts.line, cause: opts.cause });
    this.name = 'ConfigError';
    this.key = opts.key;
  }
}

/**
 * The configuration file the settings point at, or null when there is none.
 *
 * @example findSiteConfig({ db: './data/mizan.db' }) // → '/…/data/mizan.config.yaml' when that file exists
 */
export function findSiteConfig(opts: { config?: string; db?: string }, env: NodeJS.ProcessEnv = process.env): string | null {
  const named = opts.config ?? env.MIZAN_CONFIG;
  if (named) {
    if (!existsSync(named)) throw new ConfigError(named, 'no such configuration file');
    return resolve(named);
  }
  const dir = opts.db ? dirname(resolve(opts.db)) : process.cwd();
  for (const name of CONFIG_NAMES) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}

function keyOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') || '(top level)';
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `not a setting Mizan knows (see docs/site-config.md)`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'is required';
  return issue.message.replace(/^Invalid input: /, '');
}

function parseText(file: string, text: string): unknown {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') {
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new ConfigError(file, `not valid JSON: ${(err as Error).message}`, { cause: err });
    }
  }
  if (ext === '.yaml' || ext === '.yml') {
    const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
      const e = doc.errors[0];
      throw new ConfigError(file, `not valid YAML: ${e.message.split('\n')[0]}`, { line: e.linePos?.[0]?.line, cause: e });
    }
    return doc.toJS({ maxAliasCount: 50 });
  }
  throw new ConfigError(file, 'a configuration file must end in .json, .yaml or .yml');
}

/**
 * Reads and validates a configuration file; the logo it names is read too (relative to the file).
 *
 * @example readSiteConfig('demo/mizan.config.yaml').name.ar // → 'معهد المتوسط للدراسات'
 * @throws ConfigError naming the key, e.g. `mizan.config.yaml: colors.accent: a colour as #rgb or #rrggbb`
 */
export function readSiteConfig(file: string): SiteConfig {
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES) throw new ConfigError(file, `larger than ${MAX_CONFIG_BYTES} bytes: not a configuration file`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(file, `cannot be read: ${(err as Error).message}`, { cause: err });
  }
  const raw = parseText(file, bytes.toString('utf8'));
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(file, 'must hold a mapping of settings (name, languages, menus, …)');
  const parsed = SiteConfigSchema.safeParse(raw);
  if (!parsed.success) {
    // A misspelt key explains the missing one it was meant to be: name it first.
    const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0];
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    throw new ConfigError(file, describe(issue), { key: keyOf(path) });
  }
  const c = parsed.data;
  let logo: SiteConfig['logo'] = null;
  if (c.logo) {
    const logoFile = resolve(dirname(file), c.logo);
    const type = LOGO_TYPES[extname(logoFile).toLowerCase()];
    if (!type) throw new ConfigError(file, `the logo must be an .svg, .png, .jpg or .webp file, not "${c.logo}"`, { key: 'logo' });
    let logoBytes: Buffer;
    try {
      logoBytes = readFileSync(logoFile);
    } catch (err) {
      throw new ConfigError(file, `cannot read the logo "${c.logo}": ${(err as Error).message}`, { key: 'logo', cause: err });
    }
    if (logoBytes.length > MAX_LOGO_BYTES) throw new ConfigError(file, `the logo "${c.logo}" is larger than 2 MB`, { key: 'logo' });
    if (type === 'image/svg+xml' && !safeSvg(logoBytes.toString('utf8')))
      throw new ConfigError(file, `the logo "${c.logo}" is not a plain SVG (it holds scripts, event handlers or outside references)`, { key: 'logo' });
    logo = { bytes: new Uint8Array(logoBytes), type };
  }
  const languages = c.languages ?? Object.keys(LANGS);
  return {
    name: c.name,
    tagline: c.tagline ?? {},
    description: c.description ?? c.tagline ?? {},
    logo,
    colors: c.colors ? { accent: c.colors.accent, accentDark: c.colors.accentDark ?? c.colors.accent } : null,
    languages,
    defaultLanguage: c.defaultLanguage ?? (languages.includes(DEFAULT_SITE.defaultLanguage) ? DEFAULT_SITE.defaultLanguage : languages[0]),
    timeZone: c.timeZone ?? 'UTC',
    contact: { email: c.contact?.email, phone: c.contact?.phone, address: c.contact?.address ?? {} },
    social: c.social ?? [],
    menus: { main: c.menus?.main ?? {}, footer: c.menus?.footer ?? {} },
    footer: { text: c.footer?.text ?? {} },
    source: file,
  };
}

/** An SVG with no script, event handler, foreign object or outside reference. */
export function safeSvg(text: string): boolean {
  if (!/<svg[\s>]/i.test(text)) return false;
  return !/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY|(?:xlink:)?href\s*=\s*["'](?!#|data:image\/(?:png|jpeg|webp);)/i.test(text);
}

/**
 * The identity for a run: the file the settings point at, else `fallback` (the demo's own file for
 * `serve --demo`), else DEFAULT_SITE.
 */
export function loadSiteConfig(opts: { config?: string; db?: string; fallback?: string }, env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const file = findSiteConfig(opts, env) ?? opts.fallback ?? null;
  return file ? readSiteConfig(file) : DEFAULT_SITE;
}
