import * as assert from 'assert';
import { analyze, analyzeWithMarkProblems } from '../../src/core/analyze';
import { findQuoteMarkProblems, scanQuoteMarks } from '../../src/core/quoteMarks';
import { parseDocument } from '../../src/core/text';
import { SAMPLE } from './helpers';

/** Each problem as its kind and the text around its mark. */
function problems(text: string): [string, string][] {
  return findQuoteMarkProblems(text).map((p) => [p.kind, text.slice(Math.max(0, p.start - 6), p.end + 4)]);
}

describe('quotation-mark problems', () => {
  it('finds the two defects of the sample: a closing mark shaped like an opening one, and a nested quote closed with a straight mark', () => {
    assert.deepStrictEqual(problems(SAMPLE), [
      ['missing-opening-mark', 'not be“Said'],
      ['mixed-styles', "iance,'” he"],
    ]);
    assert.deepStrictEqual(
      findQuoteMarkProblems(SAMPLE).map((p) => p.message),
      [
        'Closing quotation mark without an opening mark (and shaped as an opening mark: “ instead of ”).',
        "Quote opened with a curly mark (‘) is closed with a straight one ('); use ’.",
      ],
    );
  });

  it('comes with the analysis, which it leaves unchanged', () => {
    const result = analyzeWithMarkProblems(SAMPLE);
    assert.deepStrictEqual(result.analysis, analyze(SAMPLE));
    assert.deepStrictEqual(result.quoteMarkProblems, findQuoteMarkProblems(SAMPLE));
  });

  it('reports a problem wherever the engine had to guess a missing opening mark', () => {
    const text = 'The levy stays until spring.” The minister left. Prices will fall next year“Said the governor on Friday.';
    const scan = scanQuoteMarks(parseDocument(text));
    const guessed = scan.quotes.filter((q) => q.open === null).map((q) => q.close);
    assert.strictEqual(guessed.length, 2);
    assert.deepStrictEqual(
      scan.problems.filter((p) => p.kind === 'missing-opening-mark').map((p) => p.start),
      guessed,
    );
  });

  it('accepts balanced quotes of every style, apostrophes and plural possessives', () => {
    const text = [
      'The nurses’ union called the offer “an insult to ‘essential’ staff,” and the mayor’s office replied: «Nous verrons».',
      '"We will talk again," she said. A sign read „Wir bleiben“ at the gate.',
      "The '80s tower won't be torn down, the council's planner said.",
    ].join('\n\n');
    assert.deepStrictEqual(problems(text), []);
  });

  it('reports a quote left open at the end of its paragraph', () => {
    assert.deepStrictEqual(problems('The chief said: “The bridge stays closed.\n\nTraffic was diverted.'), [['unclosed-at-paragraph-end', 'said: “The ']]);
  });

  it('accepts a quote that runs on into the next paragraph, which reopens it', () => {
    assert.deepStrictEqual(problems('“The dam held,” the engineer said. “But the rain goes on.\n\n“We are watching the levels.”'), []);
  });

  it('reports wrong-shaped marks on either side', () => {
    assert.deepStrictEqual(problems('“The strike is over,“ the union added.'), [['wrong-shape', ' over,“ the']]);
    assert.deepStrictEqual(problems('Critics called it ”a betrayal” on Monday.'), [['wrong-shape', 'ed it ”a be']]);
  });

  it('reports closing marks with nothing open', () => {
    assert.deepStrictEqual(problems('The count was final.” Then the hall emptied. » Fin'), [
      ['missing-opening-mark', 'final.” The'],
      ['missing-opening-mark', 'tied. » Fin'],
    ]);
  });

  it('reports quotes opened in one style and closed in another, at the closing mark', () => {
    assert.deepStrictEqual(problems('“The port will reopen," the harbour master said.'), [['mixed-styles', 'eopen," the']]);
    assert.deepStrictEqual(problems('"Nobody warned us,” a resident said.'), [['mixed-styles', 'ed us,” a r']]);
    assert.deepStrictEqual(problems("“Voters told us: ‘Fix the roads,'” the candidate said."), [['mixed-styles', "roads,'” th"]]);
  });

  it('reports a curly single quote never closed, but not a straight one, which is too often an apostrophe', () => {
    assert.deepStrictEqual(problems('She called the plan ‘a gamble and left the room.'), [['unclosed-at-paragraph-end', ' plan ‘a ga']]);
    assert.deepStrictEqual(problems("He answered 'not today and left the room."), []);
  });

  it('lists the problems in text order', () => {
    const starts = findQuoteMarkProblems('He said: “We stay.\n\nShe said ”no” twice.” End.').map((p) => p.start);
    assert.ok(starts.length >= 2);
    assert.deepStrictEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('scans a long text in linear time', () => {
    const para = '“We want a fair wage,” said the drivers’ spokeswoman, and ‘nobody’ disagreed. ';
    const text = (para.repeat(50) + '\n\n').repeat(400);
    const t0 = performance.now();
    assert.deepStrictEqual(findQuoteMarkProblems(text), []);
    // A quadratic scan of 1.6 million characters would take minutes; a linear one takes well under a second.
    assert.ok(performance.now() - t0 < 3000);
  });
});
