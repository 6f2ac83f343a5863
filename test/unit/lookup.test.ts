import * as assert from 'assert';
import { AnalysisIndex, shorten } from '../../src/core/lookup';
import type { Analysis } from '../../src/core/types';

// “We will not sign,” said Anna Kowalski. The minister later added that Kowalski’s party “will decide alone”.
const TEXT = '“We will not sign,” said Anna Kowalski. The minister later added that Kowalski’s party “will decide alone”.';
const at = (s: string, from = 0) => TEXT.indexOf(s, from);
const span = (s: string, from = 0) => ({ start: at(s, from), end: at(s, from) + s.length });

const ANALYSIS: Analysis = {
  entities: [{ ...span('Anna Kowalski'), text: 'Anna Kowalski', type: 'person', actor: 'a1' }],
  actors: [
    {
      id: 'a1',
      name: 'Anna Kowalski',
      type: 'person',
      aliases: ['Anna Kowalski', 'The minister', 'Kowalski'],
      mentions: [span('The minister'), span('Anna Kowalski'), span('Kowalski', at('added'))],
    },
  ],
  quotes: [
    { ...span('will decide alone'), text: 'will decide alone', kind: 'partial', speaker: { ...span('The minister'), text: 'The minister', actor: 'a1' }, cue: null },
    { ...span('We will not sign,'), text: 'We will not sign,', kind: 'direct', speaker: { ...span('Anna Kowalski'), text: 'Anna Kowalski', actor: 'a1' }, cue: { ...span('said'), text: 'said' } },
  ],
  demands: [],
};

describe('analysis lookups', () => {
  const index = new AnalysisIndex(ANALYSIS);

  it('finds the actor mention under an offset, including the end of the mention', () => {
    assert.strictEqual(index.mentionAt(at('Kowalski’s') + 2)?.actor, 'a1');
    assert.strictEqual(index.mentionAt(at('Anna Kowalski') + 'Anna Kowalski'.length)?.actor, 'a1');
    assert.strictEqual(index.mentionAt(at('party') + 1), undefined);
  });

  it('finds the quote under an offset, counting its quotation marks', () => {
    assert.strictEqual(index.quoteAt(at('not sign'))?.kind, 'direct');
    assert.strictEqual(index.quoteAt(at('“will'))?.kind, 'partial');
    assert.strictEqual(index.quoteAt(at('later')), undefined);
  });

  it('defines an actor at its first full-name mention, not at an earlier role noun', () => {
    const definition = index.definitionOf(ANALYSIS.actors[0], TEXT)!;
    assert.strictEqual(TEXT.slice(definition.start, definition.end), 'Anna Kowalski');
  });

  it("lists an actor's quotes in reading order and knows its speaker spans", () => {
    assert.deepStrictEqual(index.quotesOf('a1').map((q) => q.kind), ['direct', 'partial']);
    assert.ok(index.isSpeaker(span('Anna Kowalski')));
    assert.ok(!index.isSpeaker(span('Kowalski', at('added'))));
  });

  it('steps to the next and previous quote, wrapping around', () => {
    assert.strictEqual(index.nextQuote(0)?.kind, 'direct');
    assert.strictEqual(index.nextQuote(at('We will'))?.kind, 'partial');
    assert.strictEqual(index.nextQuote(TEXT.length)?.kind, 'direct');
    assert.strictEqual(index.previousQuote(at('will decide'))?.kind, 'direct');
    assert.strictEqual(index.previousQuote(0)?.kind, 'partial');
  });

  it('shortens long text on a word boundary', () => {
    assert.strictEqual(shorten('short text'), 'short text');
    assert.strictEqual(shorten('We would like the formula adopted at the Bucharest summit to be withdrawn', 30), 'We would like the formula…');
  });
});
