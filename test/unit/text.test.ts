import * as assert from 'assert';
import { lowerAt, parseDocument, tokenIndexAt, tokenKindName, tokenText, type Doc } from '../../src/core/text';
import { SAMPLE } from './helpers';

/** The document's tokens read back from its columns, one plain object each, for assertions. */
function tokensOf(doc: Doc) {
  return Array.from({ length: doc.tokenCount }, (_, i) => ({
    start: doc.tokenStart[i],
    end: doc.tokenEnd[i],
    text: tokenText(doc, i),
    kind: tokenKindName(doc, i),
    sentence: doc.tokenSentence[i],
    lower: lowerAt(doc, i),
  }));
}

describe('document structure', () => {
  it('splits sentences without breaking at titles, initials or U.S.', () => {
    const text = 'Sen. John W. Smith met U.S. officials on Monday. They agreed. "Fine," he said.';
    const doc = parseDocument(text);
    assert.deepStrictEqual(
      doc.sentences.map((s) => text.slice(s.start, s.end)),
      ['Sen. John W. Smith met U.S. officials on Monday.', 'They agreed.', '"Fine," he said.'],
    );
  });

  it('treats each line of a wire story as its own sentence unless prose runs on', () => {
    const text = 'MARKETS RALLY IN TOKYO\nTOKYO 1996-08-30\nShares rose on Friday ,\nled by banks .';
    const doc = parseDocument(text);
    assert.deepStrictEqual(
      doc.sentences.map((s) => text.slice(s.start, s.end)),
      ['MARKETS RALLY IN TOKYO', 'TOKYO 1996-08-30', 'Shares rose on Friday ,\nled by banks .'],
    );
    assert.deepStrictEqual(doc.lines.map((l) => l.allCaps), [true, true, false, false]);
  });

  it('classifies the sample: headline, story, related-headline asides and the page tail', () => {
    const doc = parseDocument(SAMPLE);
    const kinds = doc.paragraphs.map((p) => [p.kind, SAMPLE.slice(p.start, Math.min(p.end, p.start + 25))]);
    assert.strictEqual(kinds[0][0], 'headline');
    assert.deepStrictEqual(kinds.filter(([k]) => k === 'aside').map(([, t]) => t), ['What is the origin of the', 'Ukrainian citizens prepar']);
    assert.deepStrictEqual(kinds.filter(([k]) => k === 'boilerplate').map(([, t]) => t), ['You may also like', 'Immediate Access Pro']);
  });

  it('keeps offsets exact with CRLF, astral characters and a byte-order mark', () => {
    const text = '\uFEFFA 😀 test.\r\n\r\nSecond 𝒳 paragraph.';
    const doc = parseDocument(text);
    for (const t of tokensOf(doc)) assert.strictEqual(text.slice(t.start, t.end), t.text);
    assert.deepStrictEqual(tokensOf(doc).map((t) => t.text), ['A', '😀', 'test', '.', 'Second', '𝒳', 'paragraph', '.']);
    assert.strictEqual(doc.paragraphs.length, 2);
  });

  it('gives each token its lower-case form, with typographic apostrophes straightened', () => {
    const text = 'The Minister said she Didn’t know. THE END, the end.';
    const doc = parseDocument(text);
    const tokens = tokensOf(doc);
    assert.deepStrictEqual(tokens.map((t) => t.lower), tokens.map((t) => t.text.toLowerCase().replace(/’/g, "'")));
    assert.ok(tokens.some((t) => t.lower === "didn't"));
    assert.strictEqual(lowerAt(doc, -1), '');
    assert.strictEqual(lowerAt(doc, doc.tokenCount), '');
  });

  it('classifies words, numbers and other characters, in and outside ASCII', () => {
    const text = 'Über 3.5 Mio. Café-Besucher zahlten 1.200 € – ok.\nΑθήνα 2024.';
    const doc = parseDocument(text);
    for (const t of tokensOf(doc)) assert.strictEqual(text.slice(t.start, t.end), t.text);
    const kinds = Object.fromEntries(tokensOf(doc).map((t) => [t.text, t.kind]));
    assert.strictEqual(kinds['Über'], 'word');
    assert.strictEqual(kinds['3.5'], 'number');
    assert.strictEqual(kinds['Café-Besucher'], 'word');
    assert.strictEqual(kinds['1.200'], 'number');
    assert.strictEqual(kinds['€'], 'punct');
    assert.strictEqual(kinds['Αθήνα'], 'word');
    assert.strictEqual(kinds['2024'], 'number');
  });

  it('shares one string between tokens of the same text without mixing up their offsets', () => {
    const text = 'Talks resumed. Talks stalled. talks ended.';
    const doc = parseDocument(text);
    const tokens = tokensOf(doc);
    const talks = tokens.filter((t) => t.text === 'Talks');
    assert.deepStrictEqual(talks.map((t) => t.start), [0, 15]);
    assert.deepStrictEqual(tokens.filter((t) => t.text === 'talks').map((t) => t.start), [30]);
  });

  it('numbers each token with its sentence and finds the token at any offset', () => {
    const text = 'Talks resumed on Monday.  Both sides — again — met in Geneva.\n\nNo deal.';
    const doc = parseDocument(text);
    const tokens = tokensOf(doc);
    assert.deepStrictEqual(
      doc.sentences.map((_, s) => tokens.filter((t) => t.sentence === s).map((t) => t.text).join(' ')),
      ['Talks resumed on Monday .', 'Both sides — again — met in Geneva .', 'No deal .'],
    );
    for (let offset = 0; offset < text.length; offset++) {
      const i = tokenIndexAt(doc, offset);
      const holder = tokens.findIndex((t) => t.start <= offset && offset < t.end);
      assert.strictEqual(i, holder, `token at offset ${offset}`);
    }
  });
});
