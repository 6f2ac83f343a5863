/**
 * Names that denote the same body: country name variants (from i18n-iso-countries, compiled into
 * data/gazetteer.json) and well-known organizations with their acronyms and nicknames (data/entity-cues.json).
 */
import gazetteerData from './data/gazetteer.json';
import cues from './data/entity-cues.json';

let groups: Map<string, number> | undefined;

function build(): Map<string, number> {
  const out = new Map<string, number>();
  let id = 0;
  for (const source of [cues.aliasGroups, gazetteerData.countryAliases]) {
    for (const group of source.split(';')) {
      const names = group.split('|');
      // A name already grouped (e.g. "US" from the editorial list) keeps its group; its partners join it.
      const existing = names.map((n) => out.get(n)).find((g) => g !== undefined);
      const gid = existing ?? id++;
      for (const n of names) if (!out.has(n)) out.set(n, gid);
    }
  }
  return out;
}

/** The id of the group of equivalent names `name` belongs to, or null. */
export function aliasGroupOf(name: string): number | null {
  groups ??= build();
  return groups.get(name) ?? (name.endsWith('.') ? groups.get(name.slice(0, -1)) : undefined) ?? null;
}
