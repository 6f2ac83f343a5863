/**
 * The analysis contract shared by the core, the CLI and the extension API.
 * Offsets are UTF-16 code units into the analysed text; `end` is exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

/** person, organization and location are the main types; the others are optional extras. */
export type EntityType = 'person' | 'organization' | 'location' | 'nationality' | 'date' | 'event' | 'misc';

export interface Entity extends TextSpan {
  type: EntityType;
  /** Id of the actor this mention belongs to, or null. */
  actor: string | null;
  /** True when the user marked this span (from the article's annotations sidecar). */
  manual?: boolean;
}

export interface Actor {
  id: string;
  /** Canonical name: the fullest proper name seen for this actor. */
  name: string;
  type: EntityType;
  /** Every distinct surface form that refers to this actor (names, acronyms, role nouns). */
  aliases: string[];
  /** Every mention in reading order: names, aliases, role nouns and resolved pronouns. */
  mentions: Span[];
  /** For a group of people named together ("Ann Lee and Tom Ray"), referred to as "they": the ids of its members. */
  members?: string[];
}

export type QuoteKind = 'direct' | 'partial' | 'indirect' | 'scare';

export interface Speaker extends TextSpan {
  actor: string | null;
}

export interface Quote extends TextSpan {
  kind: QuoteKind;
  speaker: Speaker | null;
  cue: TextSpan | null;
  /** True when the user marked this quote (from the article's annotations sidecar). */
  manual?: boolean;
}

export interface Demand extends TextSpan {
  holder: string | null;
  /**
   * The holder as the text names it ("a group of parents", "the Clinton campaign"), also when it is no
   * listed actor. Snake case because this is the field name of the evaluation format.
   */
  holder_text?: string;
  addressee: string | null;
  cue: TextSpan | null;
  content: TextSpan | null;
  /** True when the user marked this demand (from the article's annotations sidecar). */
  manual?: boolean;
}

export interface Analysis {
  entities: Entity[];
  actors: Actor[];
  quotes: Quote[];
  demands: Demand[];
}
