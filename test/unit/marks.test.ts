import * as assert from 'assert';
import { findMarkProblems } from '../../src/core/marks';
import { SAMPLE } from './helpers';

function problems(text: string): [string, string][] {
  return findMarkProblems(text).map((p) => [p.kind, text.slice(Math.max(0, p.start - 6), p.end + 4)]);
}

describe('quotation-mark problems', () => {
  it('finds the two defects of the sample: a closer shaped like an opener, and a nested quote closed with a straight mark', () => {
    assert.deepStrictEqual(problems(SAMPLE), [
      ['unopened', 'not be“Said'],
      ['mismatched', "iance,'” he"],
    ]);
  });

  it('accepts balanced quotes, apostrophes and plural possessives', () => {
    const text = 'The workers’ union said it was “not the time for ‘games’,” and the mayor’s aide agreed: «Non».\n\n"Fine," he said.';
    assert.deepStrictEqual(problems(text), []);
  });

  it('reports a quote left open at the end of its paragraph', () => {
    const text = 'He said: “We will not move.\n\nThe talks ended.';
    assert.deepStrictEqual(problems(text), [['unclosed', 'said: “We w']]);
  });

  it('accepts a quote that runs on into the next paragraph, which reopens it', () => {
    const text = '“We will not move,” she said. “Not now.\n\n“Not ever.”';
    assert.deepStrictEqual(problems(text), []);
  });

  it('reports wrong-shaped marks on either side', () => {
    assert.deepStrictEqual(problems('“There is no deal yet,“ he added.'), [['wrong-shape', 'l yet,“ he ']]);
    assert.deepStrictEqual(problems('She called it ”a disgrace” today.'), [['wrong-shape', 'ed it ”a di']]);
  });

  it('reports closing marks with nothing open', () => {
    assert.deepStrictEqual(problems('The vote was close.” Then silence. » End'), [
      ['unopened', 'close.” The'],
      ['unopened', 'ence. » End'],
    ]);
  });

  it('scans a long text in linear time', () => {
    const para = '“We want peace,” said the minister’s aide, and ‘nobody’ objected. ';
    const text = (para.repeat(50) + '\n\n').repeat(400);
    const t0 = performance.now();
    assert.deepStrictEqual(findMarkProblems(text), []);
    // A quadratic scan of 1.3 million characters would take minutes; a linear one takes well under a second.
    assert.ok(performance.now() - t0 < 3000);
  });
});
