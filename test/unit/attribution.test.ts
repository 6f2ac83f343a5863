import * as assert from 'assert';
import { cueAt, speakerAfter, speakerBefore, subjectOf } from '../../src/core/attribution';
import { parseDocument, tokenIndexFrom } from '../../src/core/text';
import type { Doc } from '../../src/core/text';

function tokenAt(doc: Doc, word: string, occurrence = 0): number {
  let from = 0;
  for (let i = 0; i <= occurrence; i++) from = doc.text.indexOf(word, i === 0 ? 0 : from + 1);
  return tokenIndexFrom(doc, from);
}

function textOf(doc: Doc, span: { start: number; end: number } | null): string | null {
  return span ? doc.text.slice(span.start, span.end) : null;
}

describe('attribution cues', () => {
  it('recognises reporting verbs in their forms and "according to"', () => {
    const doc = parseDocument('The senator argued, according to aides, that the vote was insisting on nothing.');
    assert.strictEqual(cueAt(doc, tokenAt(doc, 'argued'))?.word, 'argued');
    const according = cueAt(doc, tokenAt(doc, 'according'));
    assert.strictEqual(according?.word, 'according to');
    assert.strictEqual(according?.accordingTo, true);
    assert.strictEqual(cueAt(doc, tokenAt(doc, 'vote')), null);
  });

  it('does not read a capitalised cue word inside a name as a verb', () => {
    const doc = parseDocument('Officials in the United States welcomed the deal.');
    assert.strictEqual(cueAt(doc, tokenAt(doc, 'States')), null);
  });

  it('accepts a capitalised cue right after a closing quotation mark', () => {
    const doc = parseDocument('We are ready“Said the coach.');
    assert.strictEqual(cueAt(doc, tokenAt(doc, 'Said'))?.word, 'said');
  });
});

describe('speaker phrases', () => {
  it('reads a name with title and initials backwards from the verb', () => {
    const doc = parseDocument('Yesterday Sen. Mary J. Holt said the bill was dead.');
    assert.strictEqual(textOf(doc, speakerBefore(doc, tokenAt(doc, 'said') - 1, 0)), 'Sen. Mary J. Holt');
  });

  it('skips adverbs, time words, a parenthetical and an appositive between the speaker and the verb', () => {
    const doc = parseDocument('Rep. Luis Ortega (D-Texas), the committee chairman, on Monday also said the report was late.');
    assert.strictEqual(textOf(doc, speakerBefore(doc, tokenAt(doc, 'said') - 1, 0)), 'Rep. Luis Ortega');
  });

  it('reads determiner phrases with a role noun and an "of"/"for" link', () => {
    const doc = parseDocument('A spokesman for the ministry said talks would continue.');
    assert.strictEqual(textOf(doc, speakerBefore(doc, tokenAt(doc, 'said') - 1, 0)), 'A spokesman for the ministry');
  });

  it('reads the speaker after an inverted verb and stops at the appositive', () => {
    const doc = parseDocument('"We are done," said Olga Petrova, the team captain.');
    assert.strictEqual(textOf(doc, speakerAfter(doc, tokenAt(doc, 'said') + 1, doc.text.length)), 'Olga Petrova');
  });

  it('takes a pronoun as the whole speaker phrase', () => {
    const doc = parseDocument('"Not today," she said.');
    const phrase = speakerBefore(doc, tokenAt(doc, 'said') - 1, 0);
    assert.strictEqual(textOf(doc, phrase), 'she');
    assert.strictEqual(phrase?.pronoun, true);
  });

  it('finds no speaker before a verb used as an adjective', () => {
    const doc = parseDocument('The talks on renouncing said expansion ended.');
    assert.strictEqual(speakerBefore(doc, tokenAt(doc, 'said') - 1, 0), null);
  });

  it('takes the agent of a passive reporting verb, not its subject', () => {
    const doc = parseDocument('The story was reported by the local newspaper on Sunday.');
    const cue = cueAt(doc, tokenAt(doc, 'reported'));
    assert.ok(cue);
    assert.strictEqual(textOf(doc, subjectOf(doc, cue, 0)), 'the local newspaper');
  });

  it('needs a clear subject before a form that is also a noun', () => {
    const noun = parseDocument('Her late-night tweets angered the board.');
    const nounCue = cueAt(noun, tokenAt(noun, 'tweets'));
    assert.ok(nounCue);
    assert.strictEqual(subjectOf(noun, nounCue, 0), null);
    const verb = parseDocument('The governor tweets about the storm every hour.');
    const verbCue = cueAt(verb, tokenAt(verb, 'tweets'));
    assert.ok(verbCue);
    assert.strictEqual(textOf(verb, subjectOf(verb, verbCue, 0)), 'The governor');
  });
});
