import * as assert from 'assert';
import { findEntityMentions } from '../../src/core/entities';
import { parseDocument } from '../../src/core/text';
import { SAMPLE } from './helpers';

/** "text/type" for every entity found, in reading order. */
function entities(text: string): string[] {
  return findEntityMentions(parseDocument(text)).map((e) => `${e.text}/${e.type}`);
}

function typeOf(text: string, name: string): string | undefined {
  return findEntityMentions(parseDocument(text)).find((e) => e.text === name)?.type;
}

describe('named entities', () => {
  it('types people, places and organizations from gazetteers and name lists', () => {
    assert.deepStrictEqual(entities('Angela Merkel flew to Nairobi on Tuesday for talks with the African Union and Kenya.'), [
      'Angela Merkel/person',
      'Nairobi/location',
      'Tuesday/date',
      'African Union/organization',
      'Kenya/location',
    ]);
  });

  it('knows newspapers and broadcasters as organizations, foreign article and all', () => {
    assert.strictEqual(typeOf('PARIS (Le Monde) — The minister told Der Spiegel on Sunday that the plan would fail.', 'Der Spiegel'), 'organization');
    assert.strictEqual(typeOf('The mayor told Le Monde that the deal was dead.', 'Le Monde'), 'organization');
    assert.strictEqual(typeOf('The Washington Post first reported the talks.', 'Washington Post'), 'organization');
  });

  it('splits a nationality and a title from the name that follows', () => {
    assert.deepStrictEqual(entities('The talks were opened by French Foreign Minister Laurent Fabius in Paris.'), [
      'French/nationality',
      'Laurent Fabius/person',
      'Paris/location',
    ]);
    assert.deepStrictEqual(entities('He met Chinese President Xi Jinping.'), ['Chinese/nationality', 'Xi Jinping/person']);
  });

  it('separates an employer from the title and the person that follow it', () => {
    assert.deepStrictEqual(entities('Northwind Trading CEO Laura Bennett resigned.'), ['Northwind Trading/organization', 'Laura Bennett/person']);
  });

  it('separates an office and its title from a holder whose first name is not in the name lists', () => {
    assert.deepStrictEqual(entities('Northwind Trading CEO Ozioma Kastelic resigned.'), ['Northwind Trading/organization', 'Ozioma Kastelic/person']);
    assert.deepStrictEqual(entities('The talks were chaired by Secretary of Agriculture Thomas Vilsack.').slice(-1), ['Thomas Vilsack/person']);
  });

  it('reads plural titles and drops an ordinary word glued before a full name', () => {
    assert.deepStrictEqual(entities('A bill from Senators Mary Landrieu and Tom Coburn stalled.'), ['Mary Landrieu/person', 'Tom Coburn/person']);
    assert.deepStrictEqual(entities('Supporters chanted about Sleepy Peter Harwood at the rally.'), ['Peter Harwood/person']);
  });

  it('types law firms as organizations: "X & Y", "… LLP", and an apposition to "law firm"', () => {
    assert.strictEqual(typeOf('She spent a summer at Harlow & Brandt before law school.', 'Harlow & Brandt'), 'organization');
    assert.strictEqual(typeOf('The suit was filed by Pruitt Okafor LLP on Monday.', 'Pruitt Okafor LLP'), 'organization');
    assert.strictEqual(typeOf('He joined a Denver law firm, Pruitt Okafor, in 1990.', 'Pruitt Okafor'), 'organization');
  });

  it('keeps a country code before a title as a place, and "Secretary of State" as a title', () => {
    assert.deepStrictEqual(entities('The visit was led by the US Secretary of State, Antony Blinken.'), ['US/location', 'Antony Blinken/person']);
  });

  it('reads organization names with joiners and head words', () => {
    assert.strictEqual(typeOf('Shares of Acme Holdings rose after the Bank of England cut rates.', 'Acme Holdings'), 'organization');
    assert.strictEqual(typeOf('Shares of Acme Holdings rose after the Bank of England cut rates.', 'Bank of England'), 'organization');
    assert.strictEqual(typeOf('Monitors from the Organization for Security and Co-operation in Europe arrived.', 'Organization for Security and Co-operation in Europe'), 'organization');
    assert.strictEqual(typeOf('The merger of Smith & Wesson was approved.', 'Smith & Wesson'), 'organization');
    assert.strictEqual(typeOf('Ann Lee, who runs the Harbour Workers Guild, met the managers.', 'Harbour Workers Guild'), 'organization');
    assert.strictEqual(typeOf('The Riverside Chamber of Commerce backed the plan.', 'Riverside Chamber of Commerce'), 'organization');
    assert.strictEqual(typeOf('The Northfield Council of Churches said so.', 'Northfield Council of Churches'), 'organization');
  });

  it('applies a person found once to later surname-only mentions', () => {
    const text = 'Maria Kowalczyk won the vote. Later, Kowalczyk thanked her supporters in Gdansk.';
    assert.strictEqual(typeOf(text, 'Kowalczyk'), 'person');
    assert.strictEqual(typeOf(text, 'Gdansk'), 'location');
  });

  it('reads a lone word as the surname of a two-word name guessed to be a person ("Tavita Rhimbo" … "Rhimbo")', () => {
    const text = 'Two standout moments came from superstars Tavita Rhimbo and the band Tidewater. In her speech, Rhimbo declared the need for courage.';
    assert.strictEqual(typeOf(text, 'Tavita Rhimbo'), 'person');
    assert.strictEqual(typeOf(text, 'Rhimbo'), 'person');
  });

  it('does not take a sentence-opening common word or a cue verb for a name', () => {
    assert.deepStrictEqual(entities('Trailing by ten points, Labour regrouped.'), ['Labour/organization']);
    const glued = 'there is no other way“Said Ahmed Karimi, the mayor of Kabul.';
    const found = entities(glued);
    assert.ok(found.includes('Ahmed Karimi/person'), found.join(', '));
    assert.ok(!found.some((e) => e.startsWith('Said')), found.join(', '));
  });

  it('reads an acronym opening a sentence as a name even when it spells a word', () => {
    assert.deepStrictEqual(entities('US officials said the talks failed. UN monitors left.'), ['US/location', 'UN/organization']);
  });

  it('handles ALL-CAPS headlines and datelines', () => {
    const text = 'RUGBY UNION - WALES HOLD IRELAND IN CARDIFF DRAW\nCARDIFF 1996-09-14\nWales drew 15-15 with Ireland at the Arms Park on Saturday .';
    const found = entities(text);
    assert.ok(found.includes('WALES/location'), found.join(', '));
    assert.ok(found.includes('IRELAND/location'), found.join(', '));
    assert.ok(!found.some((e) => /^(?:RUGBY|UNION|HOLD|DRAW)\//.test(e)), found.join(', '));
    assert.ok(found.includes('CARDIFF/location'), found.join(', '));
  });

  it('reads a town as a club in a sports story but keeps the dateline a place', () => {
    const text =
      'SOCCER - LEAGUE RESULTS\nLONDON 1996-09-14\nResults of English league matches played on Saturday :\nLeeds 2 Wimbledon 0\nDerby 1 Everton 1\nLeeds moved up to fifth in the table , ahead of Everton on goal difference .';
    assert.strictEqual(typeOf(text, 'LONDON'), 'location');
    assert.strictEqual(typeOf(text, 'Leeds'), 'organization');
    assert.strictEqual(typeOf(text, 'Derby'), 'organization');
  });

  it('joins initials and dotted abbreviations to the name', () => {
    assert.deepStrictEqual(entities('The U.S. team was coached by J. R. Thompson.').slice(0, 2), ['U.S./location', 'J. R. Thompson/person']);
  });

  it('finds the entities of the sample article and none of its page furniture', () => {
    const found = new Set(entities(SAMPLE));
    for (const e of [
      'Sergei Riabkov/person', 'Riabkov/person', 'Wendy Sherman/person', 'Vladimir Putin/person',
      'Russia/location', 'US/location', 'United States/location', 'Ukraine/location', 'Georgia/location',
      'Geneva/location', 'Moscow/location', 'Washington/location', 'Bucharest/location', 'Madrid/location',
      'Eastern Europe/location', 'Brussels/location', 'Vienna/location', 'NATO/organization', 'UN/organization',
      'Atlantic Alliance/organization', 'OSCE/organization', 'Organization for Security and Cooperation in Europe/organization',
    ]) {
      assert.ok(found.has(e), `missing ${e}`);
    }
    const texts = new Set(findEntityMentions(parseDocument(SAMPLE)).map((e) => e.text));
    for (const wrong of ['Immediate Access Pro', 'You may also like', 'Said Sergei', 'Russian territory', 'State']) assert.ok(!texts.has(wrong), wrong);
  });
});
