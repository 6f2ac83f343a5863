import * as assert from 'assert';
import { analyze } from '../../src/core/analyze';
import { violations } from './invariants';
import { newsText } from './news-fragments';

/**
 * Hostile inputs must cost about what ordinary news of the same length costs. Budgets are ratios to a
 * baseline measured here on news text, and time is this process's CPU time, so the tests hold on a slow or
 * busy machine: a catastrophic regex or a quadratic loop is hundreds of times over budget on these sizes.
 */
const SLOWDOWN_ALLOWED = 25;
const FLOOR_MS = 60;

/** CPU milliseconds spent analysing `text` (other processes on the machine do not count). */
function timeOf(text: string): number {
  const before = process.cpuUsage();
  analyze(text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

let msPerChar = 0;

before(function () {
  this.timeout(60_000);
  const news = newsText(100_000);
  analyze(news);
  // The fastest of three runs: the engine's cost once warm.
  msPerChar = Math.min(timeOf(news), timeOf(news), timeOf(news)) / news.length;
});

/** Analyses `text` within the linear budget (one retry, in case the machine was busy) and checks its invariants. */
function assertLinear(text: string): void {
  const budget = Math.max(FLOOR_MS, SLOWDOWN_ALLOWED * msPerChar * text.length);
  let ms = timeOf(text);
  if (ms > budget) ms = Math.min(ms, timeOf(text));
  assert.ok(ms <= budget, `${text.length} characters took ${ms.toFixed(0)} ms of CPU; linear budget ${budget.toFixed(0)} ms (news: ${(msPerChar * 1e6).toFixed(0)} ms per million characters)`);
  assert.deepStrictEqual(violations(text, analyze(text)), []);
}

function repeat(parts: string[], count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(parts[i % parts.length]);
  return out.join('');
}

const NAMES = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet', 'Kilo', 'Lima', 'Mike', 'November', 'Oscar'];

describe('adversarial input stays within a linear time budget', function () {
  this.timeout(60_000);

  it('10,000 unbalanced opening quotation marks', () => {
    assertLinear(repeat(['He said “we will ', 'not stop ', '“and ', 'they “claimed ', '« never ', '" maybe ', "' perhaps "], 10_000));
  });

  it('10,000 closing quotation marks with no opening', () => {
    assertLinear(repeat(['it ended,” he said. ', 'fine» ', 'so" ', 'right’ she said ', 'No.” '], 10_000));
  });

  it('5,000 quotes in one long sentence', () => {
    assertLinear(repeat(['“Yes,” he said, ', '“no,” she said, ', '“maybe,” they said; '], 5_000) + 'and left.');
  });

  it('100,000 capitalised words in one run', () => {
    assertLinear(repeat(NAMES.map((n) => n + ' '), 100_000));
  });

  it('100,000 capitalised words with initials, titles and cue verbs', () => {
    assertLinear(repeat(['Mr. ', 'Alpha ', 'B. ', 'Charlie ', 'said ', 'Dr. ', 'Delta-Echo ', 'urged ', 'U.S. ', 'Foxtrot’s '], 100_000));
  });

  it('a 1 MB single line of news', () => {
    assertLinear(newsText(1_000_000).replace(/\s+/g, ' '));
  });

  it('deeply nested quotations', () => {
    const depth = 5_000;
    const opens = repeat(['“He said ‘she said «they said „', '"A said \'B said "'], depth);
    const closes = repeat(['“ ’ » ”', '" \' "'], depth);
    assertLinear(`The minister said ${opens} stop ${closes}, he said.`);
  });

  it('a 100,000-character word and a 100,000-character hyphenated word', () => {
    assertLinear('Start ' + 'a'.repeat(100_000) + ' said Alpha. ' + 'Bravo' + '-x'.repeat(50_000) + ' urged Charlie to go.');
  });

  it('10,000 paragraphs of one short line', () => {
    assertLinear(repeat(['Advertisement\n\n', 'Read more: Alpha wins in Bravo\n\n', '“Yes,” said Charlie Delta.\n\n', 'Share\n\n'], 10_000));
  });

  it('150,000 sentence ends and abbreviations without spaces', () => {
    assertLinear('A.'.repeat(50_000) + ' ' + 'U.S. '.repeat(20_000) + '?!'.repeat(50_000));
  });

  it('long runs of white space, line breaks and lone carriage returns', () => {
    assertLinear('Alpha said.' + ' '.repeat(200_000) + '\n'.repeat(100_000) + '\r'.repeat(100_000) + '\r\n'.repeat(50_000) + 'Bravo urged Charlie to stop.');
  });

  it('many demand cues and reporting verbs with no object', () => {
    assertLinear(repeat(['Alpha urged ', 'Bravo called on ', 'demanded that ', 'said that ', 'told reporters ', 'according to ', 'asked '], 20_000));
  });
});
