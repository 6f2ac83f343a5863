import * as assert from 'assert';
import { parseDocument } from '../../src/core/text';
import { SAMPLE } from './helpers';

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
    for (const t of doc.tokens) assert.strictEqual(text.slice(t.start, t.end), t.text);
    assert.strictEqual(doc.paragraphs.length, 2);
  });
});
