/**
 * The corrections sidecar `<article>.annotations.json`: a W3C Web Annotation `AnnotationCollection`
 * (JSON-LD) holding the user's manual marks, rejections of automatic annotations, and actor renames
 * and merges. Parsing never throws: it names the first thing that is wrong. Serialising is deterministic.
 */
import type { EntityType, QuoteKind, Span } from './types';
import type { TextPositionSelector, TextQuoteSelector } from './anchoring';
import { describeSpan, OffsetMap } from './anchoring';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Terms of this extension (body types, speaker, holder, …) expand under this vocabulary. */
export const VOCABULARY = 'urn:article-annotator:';
export const SIDECAR_CONTEXT = [ANNOTATION_CONTEXT, { '@vocab': VOCABULARY }] as const;
export const SIDECAR_SUFFIX = '.annotations.json';

export type MarkType = 'person' | 'organization' | 'location';
export const MARK_TYPES: readonly MarkType[] = ['person', 'organization', 'location'];
export type RejectableType = EntityType | 'quote' | 'demand';
const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'location', 'nationality', 'date', 'event', 'misc'];
const QUOTE_KINDS: readonly QuoteKind[] = ['direct', 'partial', 'indirect', 'scare'];

/** A span marked as a person, organization or place, optionally tied to an actor by name. */
export interface EntityBody {
  type: MarkType;
  /** Canonical name of the actor this mention belongs to; the marked text when absent. */
  actor?: string;
  /** The actor's role or title as the article gives it ("chief negotiator"); kept as one of its aliases. */
  role?: string;
}

export interface QuoteBody {
  type: 'quote';
  /** Name of the speaker (an actor name, or typed freely). */
  speaker?: string;
  kind?: QuoteKind;
}

export interface DemandBody {
  type: 'demand';
  holder?: string;
  addressee?: string;
}

/** The automatic annotation of this category at the target is wrong and stays hidden. */
export interface RejectionBody {
  type: 'rejection';
  rejects: RejectableType;
}

/** Give the actor known by `actor` (canonical name or alias) the canonical name `name`. */
export interface RenameBody {
  type: 'rename';
  actor: string;
  name: string;
}

/** Fold the actor known by `actor` into the actor known by `into`. */
export interface MergeBody {
  type: 'merge';
  actor: string;
  into: string;
}

export type SpanBody = EntityBody | QuoteBody | DemandBody | RejectionBody;
export type DocumentBody = RenameBody | MergeBody;
export type AnnotationBody = SpanBody | DocumentBody;

export type Motivation = 'classifying' | 'moderating' | 'editing';
const W3C_MOTIVATIONS = new Set([
  'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting',
  'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging',
]);

export interface AnnotationTarget {
  /** The article, relative to the sidecar (its file name). */
  source: string;
  /** Present on span annotations: where in the article. Absent on renames and merges (they concern the whole article). */
  selector?: [TextQuoteSelector, TextPositionSelector];
}

export interface SidecarAnnotation {
  id: string;
  motivation: string;
  created: string;
  modified?: string;
  body: AnnotationBody;
  target: AnnotationTarget;
  /** Other properties found in the file (creator, generator, …), kept as they were. */
  extra?: Record<string, unknown>;
}

export interface Sidecar {
  /** File name of the article. */
  source: string;
  annotations: SidecarAnnotation[];
  /** Other top-level properties found in the file, kept as they were. */
  extra?: Record<string, unknown>;
}

export type ParseResult = { ok: true; sidecar: Sidecar } | { ok: false; problem: string };

export function sidecarPathFor(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}

export function isSpanBody(body: AnnotationBody): body is SpanBody {
  return body.type !== 'rename' && body.type !== 'merge';
}

export function motivationFor(body: AnnotationBody): Motivation {
  if (body.type === 'rejection') return 'moderating';
  if (body.type === 'rename' || body.type === 'merge') return 'editing';
  return 'classifying';
}

export function emptySidecar(source: string): Sidecar {
  return { source, annotations: [] };
}

export interface NewAnnotationOptions {
  id?: string;
  /** ISO 8601 time stamp. */
  now?: string;
}

function newId(): string {
  const webCrypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (webCrypto?.randomUUID) return `urn:uuid:${webCrypto.randomUUID()}`;
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `urn:uuid:${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

/** A new annotation on [start, end) of `text` (UTF-16 offsets). */
export function spanAnnotation(source: string, text: string, span: Span, body: SpanBody, options: NewAnnotationOptions = {}, map?: OffsetMap): SidecarAnnotation {
  const now = options.now ?? new Date().toISOString();
  return {
    id: options.id ?? newId(),
    motivation: motivationFor(body),
    created: now,
    body,
    target: { source, selector: describeSpan(text, span, map ?? new OffsetMap(text)) },
  };
}

/** A new rename or merge, which concerns the whole article. */
export function documentAnnotation(source: string, body: DocumentBody, options: NewAnnotationOptions = {}): SidecarAnnotation {
  const now = options.now ?? new Date().toISOString();
  return { id: options.id ?? newId(), motivation: motivationFor(body), created: now, body, target: { source } };
}

export function addAnnotation(sidecar: Sidecar, annotation: SidecarAnnotation): Sidecar {
  return { ...sidecar, annotations: [...sidecar.annotations, annotation] };
}

export function removeAnnotation(sidecar: Sidecar, id: string): Sidecar {
  return { ...sidecar, annotations: sidecar.annotations.filter((a) => a.id !== id) };
}

/**
 * Refreshes the selectors of annotations whose span moved (after the article was edited and saved),
 * so the stored position and context describe the current text. Orphaned annotations keep theirs.
 */
export function reanchorSidecar(sidecar: Sidecar, text: string, spans: ReadonlyMap<string, Span>): Sidecar {
  const map = new OffsetMap(text);
  let changed = false;
  const annotations = sidecar.annotations.map((a) => {
    const span = spans.get(a.id);
    if (!span || !a.target.selector) return a;
    const selector = describeSpan(text, span, map);
    if (sameSelectors(selector, a.target.selector)) return a;
    changed = true;
    return { ...a, target: { ...a.target, selector } };
  });
  return changed ? { ...sidecar, annotations } : sidecar;
}

function sameSelectors(a: [TextQuoteSelector, TextPositionSelector], b: [TextQuoteSelector, TextPositionSelector]): boolean {
  return a[0].exact === b[0].exact && a[0].prefix === b[0].prefix && a[0].suffix === b[0].suffix && a[1].start === b[1].start && a[1].end === b[1].end;
}

// ---------------------------------------------------------------------------------------------
// Serialising

/** Annotations in the order they are applied: creation time, then id. */
export function orderedAnnotations(annotations: readonly SidecarAnnotation[]): SidecarAnnotation[] {
  return [...annotations].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function withExtra(known: Record<string, unknown>, extra: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!extra) return known;
  const out = { ...known };
  for (const key of Object.keys(extra).sort()) if (!(key in known)) out[key] = extra[key];
  return out;
}

export function bodyJson(body: AnnotationBody): Record<string, unknown> {
  switch (body.type) {
    case 'quote':
      return dropUndefined({ type: body.type, speaker: body.speaker, kind: body.kind });
    case 'demand':
      return dropUndefined({ type: body.type, holder: body.holder, addressee: body.addressee });
    case 'rejection':
      return { type: body.type, rejects: body.rejects };
    case 'rename':
      return { type: body.type, actor: body.actor, name: body.name };
    case 'merge':
      return { type: body.type, actor: body.actor, into: body.into };
    default:
      return dropUndefined({ type: body.type, actor: body.actor, role: body.role });
  }
}

export function targetJson(target: AnnotationTarget): Record<string, unknown> {
  if (!target.selector) return { source: target.source };
  const [quote, position] = target.selector;
  return {
    source: target.source,
    selector: [
      dropUndefined({ type: quote.type, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }),
      { type: position.type, start: position.start, end: position.end },
    ],
  };
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function annotationJson(a: SidecarAnnotation): Record<string, unknown> {
  return withExtra(
    dropUndefined({ id: a.id, type: 'Annotation', motivation: a.motivation, created: a.created, modified: a.modified, body: bodyJson(a.body), target: targetJson(a.target) }),
    a.extra,
  );
}

/** The sidecar as JSON text: fixed key order, annotations in application order, two-space indent, final newline. */
export function serializeSidecar(sidecar: Sidecar): string {
  const items = orderedAnnotations(sidecar.annotations).map(annotationJson);
  const doc = withExtra(
    {
      '@context': SIDECAR_CONTEXT,
      type: 'AnnotationCollection',
      label: `Corrections to ${sidecar.source}`,
      total: items.length,
      first: { type: 'AnnotationPage', startIndex: 0, items },
    },
    sidecar.extra,
  );
  return JSON.stringify(doc, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Parsing

class Problem {
  constructor(readonly message: string) {}
}

type Json = Record<string, unknown>;

function fail(path: string, what: string): never {
  throw new Problem(path ? `${path}: ${what}` : what);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return typeof v === 'object' ? 'an object' : String(v);
}

function object(v: unknown, path: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, `expected an object, found ${describe(v)}`);
  return v as Json;
}

function string(o: Json, key: string, path: string, optional = false): string | undefined {
  const v = o[key];
  if (v === undefined && optional) return undefined;
  if (v === undefined) fail(path, `missing "${key}"`);
  if (typeof v !== 'string') fail(`${path}.${key}`, `expected a string, found ${describe(v)}`);
  return v;
}

function nonEmpty(o: Json, key: string, path: string): string {
  const v = string(o, key, path) as string;
  if (!v.trim()) fail(`${path}.${key}`, 'must not be empty');
  return v;
}

function oneOf<T extends string>(o: Json, key: string, allowed: readonly T[], path: string, optional = false): T | undefined {
  const v = string(o, key, path, optional);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) fail(`${path}.${key}`, `"${v}" is not one of ${allowed.join(', ')}`);
  return v as T;
}

function offset(o: Json, key: string, path: string): number {
  const v = o[key];
  if (v === undefined) fail(path, `missing "${key}"`);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`${path}.${key}`, `expected a whole number ≥ 0, found ${describe(v)}`);
  return v;
}

function timestamp(o: Json, key: string, path: string, optional = false): string | undefined {
  const v = string(o, key, path, optional);
  if (v !== undefined && Number.isNaN(Date.parse(v))) fail(`${path}.${key}`, `"${v}" is not an ISO 8601 date-time`);
  return v;
}

function rest(o: Json, known: readonly string[]): Record<string, unknown> | undefined {
  const extra: Record<string, unknown> = {};
  let any = false;
  for (const k of Object.keys(o)) {
    if (known.includes(k)) continue;
    extra[k] = o[k];
    any = true;
  }
  return any ? extra : undefined;
}

function onlyKeys(o: Json, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(path, `unexpected property "${k}" (allowed: ${allowed.join(', ')})`);
}

function parseBody(v: unknown, path: string): AnnotationBody {
  const o = object(v, path);
  const type = string(o, 'type', path) as string;
  switch (type) {
    case 'person':
    case 'organization':
    case 'location':
    {
      onlyKeys(o, ['type', 'actor', 'role'], path);
      const body: EntityBody = { type };
      if (o.actor !== undefined) body.actor = nonEmpty(o, 'actor', path);
      if (o.role !== undefined) body.role = nonEmpty(o, 'role', path);
      return body;
    }
    case 'quote': {
      onlyKeys(o, ['type', 'speaker', 'kind'], path);
      const body: QuoteBody = { type };
      if (o.speaker !== undefined) body.speaker = nonEmpty(o, 'speaker', path);
      const kind = oneOf(o, 'kind', QUOTE_KINDS, path, true);
      if (kind) body.kind = kind;
      return body;
    }
    case 'demand': {
      onlyKeys(o, ['type', 'holder', 'addressee'], path);
      const body: DemandBody = { type };
      if (o.holder !== undefined) body.holder = nonEmpty(o, 'holder', path);
      if (o.addressee !== undefined) body.addressee = nonEmpty(o, 'addressee', path);
      return body;
    }
    case 'rejection':
      onlyKeys(o, ['type', 'rejects'], path);
      return { type, rejects: oneOf(o, 'rejects', [...ENTITY_TYPES, 'quote', 'demand'] as const, path) as RejectableType };
    case 'rename':
      onlyKeys(o, ['type', 'actor', 'name'], path);
      return { type, actor: nonEmpty(o, 'actor', path), name: nonEmpty(o, 'name', path) };
    case 'merge': {
      onlyKeys(o, ['type', 'actor', 'into'], path);
      const body: MergeBody = { type, actor: nonEmpty(o, 'actor', path), into: nonEmpty(o, 'into', path) };
      if (body.actor === body.into) fail(path, `merges "${body.actor}" into itself`);
      return body;
    }
    default:
      return fail(`${path}.type`, `unknown body type "${type}" (expected person, organization, location, quote, demand, rejection, rename or merge)`);
  }
}

function parseSelectors(v: unknown, path: string): [TextQuoteSelector, TextPositionSelector] {
  const list = Array.isArray(v) ? v : [v];
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  list.forEach((item, i) => {
    const p = Array.isArray(v) ? `${path}[${i}]` : path;
    const o = object(item, p);
    const type = string(o, 'type', p);
    if (type === 'TextQuoteSelector') {
      onlyKeys(o, ['type', 'exact', 'prefix', 'suffix'], p);
      const exact = string(o, 'exact', p) as string;
      if (!exact) fail(`${p}.exact`, 'must not be empty');
      quote = { type, exact, prefix: string(o, 'prefix', p, true), suffix: string(o, 'suffix', p, true) };
      if (quote.prefix === undefined) delete quote.prefix;
      if (quote.suffix === undefined) delete quote.suffix;
    } else if (type === 'TextPositionSelector') {
      onlyKeys(o, ['type', 'start', 'end'], p);
      position = { type, start: offset(o, 'start', p), end: offset(o, 'end', p) };
      if (position.end <= position.start) fail(p, `end (${position.end}) must be greater than start (${position.start})`);
    } else fail(`${p}.type`, `unsupported selector "${type}" (expected TextQuoteSelector and TextPositionSelector)`);
  });
  if (!quote) fail(path, 'needs a TextQuoteSelector');
  if (!position) fail(path, 'needs a TextPositionSelector');
  return [quote as TextQuoteSelector, position as TextPositionSelector];
}

const ANNOTATION_KEYS = ['@context', 'id', 'type', 'motivation', 'created', 'modified', 'body', 'target'] as const;

function parseAnnotation(v: unknown, path: string, ids: Set<string>): SidecarAnnotation {
  const o = object(v, path);
  const id = nonEmpty(o, 'id', path);
  const at = `${path} (${id})`;
  if (ids.has(id)) fail(at, 'the id is used twice');
  ids.add(id);
  if (o.type !== 'Annotation') fail(at, `"type" must be "Annotation", found ${describe(o.type)}`);
  const motivation = nonEmpty(o, 'motivation', at);
  if (!W3C_MOTIVATIONS.has(motivation)) fail(`${at}.motivation`, `"${motivation}" is not a W3C motivation`);
  const created = timestamp(o, 'created', at) as string;
  const modified = timestamp(o, 'modified', at, true);
  const body = parseBody(o.body, `${at}.body`);
  const t = object(o.target, `${at}.target`);
  onlyKeys(t, ['source', 'selector'], `${at}.target`);
  const target: AnnotationTarget = { source: nonEmpty(t, 'source', `${at}.target`) };
  if (isSpanBody(body)) {
    if (t.selector === undefined) fail(`${at}.target`, `a ${body.type} annotation needs a "selector"`);
    target.selector = parseSelectors(t.selector, `${at}.target.selector`);
  } else if (t.selector !== undefined) fail(`${at}.target`, `a ${body.type} concerns the whole article and takes no "selector"`);
  const annotation: SidecarAnnotation = { id, motivation, created, body, target };
  if (modified !== undefined) annotation.modified = modified;
  const extra = rest(o, ANNOTATION_KEYS);
  if (extra) annotation.extra = extra;
  return annotation;
}

function checkContext(v: unknown, path: string): void {
  const values = Array.isArray(v) ? v : [v];
  if (v === undefined) fail('', 'missing "@context"');
  if (!values.includes(ANNOTATION_CONTEXT)) fail(path, `must include "${ANNOTATION_CONTEXT}"`);
}

/**
 * Parses sidecar JSON text. `source` is the article's file name, used when the file holds no annotations.
 * Returns the problem, with a path like `first.items[2] (urn:uuid:…).target.selector`, instead of throwing.
 */
export function parseSidecar(json: string, source: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ok: false, problem: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  try {
    const o = object(data, '');
    checkContext(o['@context'], '@context');
    if (o.type !== 'AnnotationCollection') fail('type', `expected "AnnotationCollection", found ${describe(o.type)}`);
    let items: unknown[] = [];
    if (o.first !== undefined) {
      const page = object(o.first, 'first');
      if (page.type !== 'AnnotationPage') fail('first.type', `expected "AnnotationPage", found ${describe(page.type)}`);
      if (page.next !== undefined) fail('first', 'annotations split over several pages are not supported');
      if (!Array.isArray(page.items)) fail('first.items', `expected an array, found ${describe(page.items)}`);
      items = page.items;
    }
    if (o.total !== undefined && o.total !== items.length) fail('total', `says ${describe(o.total)} but first.items holds ${items.length}`);
    const ids = new Set<string>();
    const annotations = items.map((item, i) => parseAnnotation(item, `first.items[${i}]`, ids));
    const sidecar: Sidecar = { source: annotations[0]?.target.source ?? source, annotations };
    const extra = rest(o, ['@context', 'type', 'label', 'total', 'first']);
    if (extra) sidecar.extra = extra;
    return { ok: true, sidecar };
  } catch (e) {
    if (e instanceof Problem) return { ok: false, problem: e.message };
    return { ok: false, problem: `unreadable (${e instanceof Error ? e.message : String(e)})` };
  }
}
