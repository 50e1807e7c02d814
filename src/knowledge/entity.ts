/**
 * @module The knowledge layer's vocabulary: entities the gazetteer knows, mentions found in text,
 * and the events and figures an article yields (shapes of CONTRACTS.md, with a few additions).
 */

/** `law` is an addition to the contract's four kinds: statutes such as CAATSA are cited, never actors. */
export type EntityKind = 'country' | 'person' | 'organization' | 'region' | 'law';

/** How a mention names its entity; capitals and seats of power stand for their state (واشنطن, the Kremlin). */
export type MentionVia = 'name' | 'short' | 'adjective' | 'capital' | 'seat';

export interface Entity {
  kind: EntityKind;
  /** ISO 3166 alpha-2 for countries (`DZ`); a kebab-case slug otherwise (`vladimir-putin`, `nato`). */
  id: string;
  /** The name to show, per language. */
  label: Record<string, string>;
  /** Every full name per language (the label first). */
  names: Record<string, string[]>;
  /** The state the entity acts for: its own code for a country, the state of a person or body, else null. */
  country: string | null;
  /** Regions: the countries they hold. */
  members?: string[];
  /** Regions: the slug of the site's own region term per language, when the site has one. */
  site?: Record<string, string> | null;
  /** People: their office per language. */
  role?: Record<string, string>;
  /** False for sources, data sets and laws: named in a sentence, they do not make it an event. */
  actor: boolean;
}

export interface Mention {
  kind: EntityKind;
  id: string;
  /** UTF-16 offsets into the text given to `recognize`: `text.slice(start, end)` is the mention. */
  start: number;
  end: number;
  text: string;
  via: MentionVia;
  /** The state this mention brings into a sentence (Tebboune → DZ, the Kremlin → RU), or null. */
  country: string | null;
  /** A title standing before a person's name (الرئيس, Secretary of Defense), with its offsets. */
  title?: { text: string; start: number; end: number };
}

export type Precision = 'day' | 'month' | 'year';

/** CONTRACTS.md Event, plus `entities` (the people and bodies in the sentence). */
export interface Event {
  date: string;
  precision: Precision;
  /** The country where it happened, when a locative phrase names one (على طول الحدود المغربية → MA); not an actor. */
  place?: string;
  actors: string[];
  label: string;
  article: string;
  block: number;
  offsets: [number, number];
  sources: string[];
  entities: string[];
}

/** CONTRACTS.md Figure, plus `text` (the quantity as written) and `approximate`. */
export interface Figure {
  value: number;
  unit: string;
  measure: string;
  period: string | null;
  actors: string[];
  article: string;
  block: number;
  offsets: [number, number];
  source: string | null;
  text: string;
  approximate: boolean;
}

/** One line of `/api/articles/:id/entities`. */
export interface TaggedEntity {
  kind: EntityKind;
  id: string;
  name: string;
  salience: number;
}
