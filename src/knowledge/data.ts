/**
 * @module The gazetteer's data files (`data/*.json`), read once and typed. Data, not code: adding a
 * person or an organization is an edit to JSON.
 */
import { readFileSync } from 'node:fs';

interface LangForms { names: string[]; adjectives: string[]; capitals: string[]; seats: string[]; demonyms?: string[] }
export type CountryExtras = Record<string, { ar: LangForms; en: LangForms }>;

export interface RegionData {
  id: string;
  site: Record<string, string> | null;
  ar: string[];
  en: string[];
  adjectives: { ar: string[]; en: string[] };
  countries: string[];
}

export interface OrganizationData {
  id: string;
  kind?: 'organization' | 'law';
  ar: string[];
  en: string[];
  adjectives?: { ar: string[]; en: string[] };
  country: string | null;
  actor?: boolean;
}

export interface PersonData {
  id: string;
  country: string | null;
  ar: string[];
  arShort: string[];
  en: string[];
  enShort: string[];
  role: Record<string, string>;
}

export interface AmbiguityData {
  needsContext: Record<string, Record<string, string[]>>;
  notFollowedBy: Record<string, Record<string, string[]>>;
  drop: Record<string, string[]>;
}

function read<T>(name: string): T {
  const parsed = JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
  delete parsed.$comment;
  return parsed as T;
}

export const COUNTRY_EXTRAS = read<CountryExtras>('countries.json');
export const REGIONS = read<{ regions: RegionData[] }>('regions.json').regions;
export const ORGANIZATIONS = read<{ organizations: OrganizationData[] }>('organizations.json').organizations;
export const PEOPLE = read<{ people: PersonData[] }>('people.json').people;
export const TITLES = read<{ ar: string[]; en: string[] }>('titles.json');
export const AMBIGUITY = read<AmbiguityData>('ambiguity.json');
