import * as assert from 'assert';
import fc from 'fast-check';
import { anchor, describeSpan, OffsetMap, CONTEXT_LENGTH } from '../../src/core/anchoring';
import { spanOf } from './fixtures/council';

const codePoints = (s: string): number => Array.from(s).length;

/** Selectors for the `nth` occurrence of `needle`, as they would be stored in a sidecar. */
function selectorsFor(text: string, needle: string, nth = 0): { quote: ReturnType<typeof describeSpan>[0]; position: ReturnType<typeof describeSpan>[1] } {
  const [quote, position] = describeSpan(text, spanOf(text, needle, nth));
  return { quote, position };
}

const STORY = [
  'Harbour authority delays ferry contract',
  '',
  'The harbour authority said on Monday it would delay the ferry contract until an audit is complete.',
  '“We owe taxpayers a clear answer,” said board chair Ines Marlow. “We owe them a clear answer,” she repeated later.',
  'Union representatives said the delay would cost jobs.',
].join('\n');

describe('anchoring: UTF-16 ↔ code points', () => {
  it('converts around astral characters both ways', () => {
    const text = 'a😀b𝄞c';
    const map = new OffsetMap(text);
    assert.deepStrictEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => map.toCodePoint(i)), [0, 1, 1, 2, 3, 3, 4, 5]);
    assert.deepStrictEqual([0, 1, 2, 3, 4, 5].map((i) => map.toUtf16(i)), [0, 1, 3, 4, 6, 7]);
    assert.strictEqual(map.lengthCodePoints, 5);
    assert.strictEqual(map.toUtf16(99), text.length, 'clamps past the end');
  });

  it('agrees with counting code points for any text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('a', ' ', '\n', 'é', '😀', '🇺🇦', '𝄞', '\r\n')), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const map = new OffsetMap(text);
        let u16 = 0;
        for (const ch of Array.from(text)) {
          assert.strictEqual(map.toCodePoint(u16), codePoints(text.slice(0, u16)));
          assert.strictEqual(map.toUtf16(map.toCodePoint(u16)), u16);
          u16 += ch.length;
        }
        assert.strictEqual(map.toCodePoint(text.length), codePoints(text));
      }),
    );
  });
});

describe('anchoring: selectors', () => {
  it('keeps about 32 units of context and never splits a surrogate pair', () => {
    const text = 'x'.repeat(CONTEXT_LENGTH - 1) + '😀' + 'Ines Marlow' + '🙂' + 'y'.repeat(40);
    const [quote, position] = describeSpan(text, spanOf(text, 'Ines Marlow'));
    assert.strictEqual(quote.exact, 'Ines Marlow');
    assert.ok(!/^[\udc00-\udfff]/.test(quote.prefix ?? ''), 'prefix starts with a whole character');
    assert.ok(!/[\ud800-\udbff]$/.test(quote.suffix ?? ''), 'suffix ends with a whole character');
    assert.ok((quote.prefix ?? '').endsWith('😀') && (quote.suffix ?? '').startsWith('🙂'));
    assert.strictEqual(position.start, codePoints(text.slice(0, text.indexOf('Ines'))));
    assert.strictEqual(position.end - position.start, 'Ines Marlow'.length);
  });

  it('cuts the context short at the ends of the text', () => {
    const [quote] = describeSpan('Ines Marlow said.', { start: 0, end: 11 });
    assert.strictEqual(quote.prefix, '');
    assert.strictEqual(quote.suffix, ' said.');
  });
});

describe('anchoring: re-anchoring after edits', () => {
  it('finds an unchanged span by its position', () => {
    const sel = selectorsFor(STORY, 'Ines Marlow');
    const at = anchor(STORY, sel);
    assert.deepStrictEqual(at && STORY.slice(at.start, at.end), 'Ines Marlow');
    assert.strictEqual(at?.method, 'position');
  });

  it('keeps its place when text after it changes', () => {
    const sel = selectorsFor(STORY, 'the delay would cost jobs');
    const edited = STORY + '\nThe vote is expected in March.';
    const at = anchor(edited, sel);
    assert.deepStrictEqual(at && { method: at.method, start: at.start }, { method: 'position', start: STORY.indexOf('the delay would cost jobs') });
  });

  it('moves with the text when something is inserted above it, emoji included', () => {
    const sel = selectorsFor(STORY, 'Ines Marlow');
    const edited = STORY.replace('Harbour authority', 'Harbour 🚢⚓ authority 🇳🇴');
    const at = anchor(edited, sel);
    assert.ok(at);
    assert.strictEqual(edited.slice(at.start, at.end), 'Ines Marlow');
    assert.strictEqual(at.method, 'quote');
    const [, moved] = describeSpan(edited, at);
    assert.strictEqual(moved.start, codePoints(edited.slice(0, edited.indexOf('Ines Marlow'))));
  });

  it('follows a small edit inside the span and covers the edited text', () => {
    const sel = selectorsFor(STORY, 'We owe taxpayers a clear answer,');
    const edited = STORY.replace('We owe taxpayers a clear answer,', 'We owe the taxpayers a clear, honest answer,');
    const at = anchor(edited, sel);
    assert.ok(at);
    assert.strictEqual(at.method, 'context');
    assert.strictEqual(edited.slice(at.start, at.end), 'We owe the taxpayers a clear, honest answer,');
  });

  it('orphans a span whose text was rewritten or deleted', () => {
    const sel = selectorsFor(STORY, 'We owe taxpayers a clear answer,');
    assert.strictEqual(anchor(STORY.replace('We owe taxpayers a clear answer,', 'Nothing is decided yet,'), sel), null);
    assert.strictEqual(anchor(STORY.replace('“We owe taxpayers a clear answer,” said board chair Ines Marlow. ', ''), sel), null);
  });

  it('chooses among repeats of the exact text by context, then by nearness', () => {
    const text = 'He said no. Later, he said yes. Then he said maybe.';
    const sel = selectorsFor(text, 'said', 1);
    const edited = 'On Friday he said nothing. ' + text;
    const at = anchor(edited, sel);
    assert.ok(at);
    assert.strictEqual(at.start, edited.indexOf('said yes'));

    // Identical context everywhere: the occurrence nearest to where it was.
    const same = 'ok ok ok ok ok ok';
    const sel3 = selectorsFor(same, 'ok', 3);
    const shifted = 'ok ' + same;
    const at3 = anchor(shifted, { quote: { ...sel3.quote, prefix: '', suffix: '' }, position: sel3.position });
    assert.strictEqual(at3?.start, same.indexOf('ok', 9), 'nearest to the old position');
  });

  it('does not take a different repeat that moved onto the old position', () => {
    const text = 'Marlow said no. The board said yes.';
    const sel = selectorsFor(text, 'said', 1); // "The board said"
    // Text inserted above so that the first "said" now sits where the second was.
    const shift = text.indexOf('said', text.indexOf('said') + 1) - text.indexOf('said');
    const edited = 'x'.repeat(shift) + text;
    assert.strictEqual(edited.indexOf('said'), text.indexOf('said', text.indexOf('said') + 1));
    const at = anchor(edited, sel);
    assert.strictEqual(at?.start, edited.indexOf('board said') + 'board '.length);
  });

  it('survives a change of line endings (LF → CRLF and back)', () => {
    const lf = 'Intro line.\n“a first step,\nnot the finish line,” she said.\n';
    const sel = selectorsFor(lf, 'a first step,\nnot the finish line,');
    const crlf = lf.replace(/\n/g, '\r\n');
    const at = anchor(crlf, sel);
    assert.ok(at);
    assert.strictEqual(crlf.slice(at.start, at.end), 'a first step,\r\nnot the finish line,');
    const back = selectorsFor(crlf, 'a first step,\r\nnot the finish line,');
    const at2 = anchor(lf, back);
    assert.strictEqual(at2 && lf.slice(at2.start, at2.end), 'a first step,\nnot the finish line,');
  });

  it('uses a position-only selector when nothing else is given, within bounds', () => {
    assert.deepStrictEqual(anchor('a😀bc', { position: { type: 'TextPositionSelector', start: 2, end: 3 } }), { start: 3, end: 4, method: 'position' });
    assert.strictEqual(anchor('abc', { position: { type: 'TextPositionSelector', start: 2, end: 9 } }), null);
  });

  it('stays linear on a long text full of repeats', () => {
    const text = 'the council said. '.repeat(30000) + 'Marlow said: enough.';
    const sel = selectorsFor(text, 'said', 30000);
    const started = performance.now();
    const at = anchor('Intro. ' + text, sel);
    const ms = performance.now() - started;
    assert.strictEqual(at?.start, 'Intro. '.length + text.indexOf('Marlow said') + 'Marlow '.length);
    assert.ok(ms < 500, `took ${ms.toFixed(1)} ms`);
  });
});
