import * as assert from 'assert';
import type { Cast } from '../../src/core/cast';
import { findDemands } from '../../src/core/demands';
import { analyze } from '../../src/core/analyze';
import { parseDocument } from '../../src/core/text';
import type { Actor, Demand, Entity, EntityType, Quote } from '../../src/core/types';
import { SAMPLE } from './helpers';

/**
 * A cast that knows exactly the names it is given (every occurrence of each name is a mention), so that
 * these tests exercise demand detection independently of entity recognition.
 */
function castOf(text: string, names: Record<string, EntityType>): Cast {
  const actors: Actor[] = [];
  const entities: Entity[] = [];
  for (const [name, type] of Object.entries(names)) {
    const actor: Actor = { id: `a${actors.length + 1}`, name, type, aliases: [name], mentions: [] };
    actors.push(actor);
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      actor.mentions.push({ start: i, end: i + name.length });
      entities.push({ start: i, end: i + name.length, text: name, type, actor: actor.id });
    }
  }
  const actorAt = (start: number, end: number): string | null => entities.find((e) => e.start < end && start < e.end)?.actor ?? null;
  return { entities, actors, actorAt, resolve: actorAt, finish() {} };
}

/** Curly-quoted passages as direct quotes without a speaker: demand detection must find the speaker itself. */
function curlyQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(/“([^”]*)”/g)) {
    const start = (m.index ?? 0) + 1;
    out.push({ start, end: start + m[1].length, text: m[1], kind: 'direct', speaker: null, cue: null });
  }
  return out;
}

interface Found {
  sentence: string;
  holder: string | null;
  addressee: string | null;
  cue: string | null;
}

function demandsIn(text: string, names: Record<string, EntityType>, quotes: Quote[] = curlyQuotes(text)): Found[] {
  const cast = castOf(text, names);
  const name = (id: string | null): string | null => cast.actors.find((a) => a.id === id)?.name ?? null;
  return findDemands(parseDocument(text), cast, quotes).map((d: Demand) => ({
    sentence: d.text,
    holder: name(d.holder),
    addressee: name(d.addressee),
    cue: d.cue?.text ?? null,
  }));
}

const PEOPLE: Record<string, EntityType> = {
  'Anna Keller': 'person',
  Keller: 'person',
  'Tomas Brandt': 'person',
  Brandt: 'person',
  'Northwind Energy': 'organization',
  'Harbor City': 'location',
  'Teachers Union': 'organization',
  Ottawa: 'location',
};

describe('demands: explicit cues', () => {
  it('finds urge, call on, call for, demand that, ask … to and want … to with holder and addressee', () => {
    const text = [
      'Mayor Anna Keller urged Northwind Energy to halt drilling near the reservoir.',
      'The Teachers Union called on Harbor City to reopen the closed schools.',
      'Brandt called for an independent inquiry into the spill.',
      'Keller demanded that Northwind Energy publish its safety reports.',
      'Tomas Brandt asked the council to delay the vote by a week.',
      '“We would like the permits to be suspended until autumn,” Keller said.',
    ].join('\n\n');
    const found = demandsIn(text, PEOPLE);
    assert.deepStrictEqual(
      found.map((d) => [d.cue, d.holder, d.addressee]),
      [
        ['urged', 'Anna Keller', 'Northwind Energy'],
        ['called', 'Teachers Union', 'Harbor City'],
        ['called', 'Brandt', null],
        ['demanded', 'Keller', null],
        ['asked', 'Tomas Brandt', null],
        ['would like', 'Keller', null],
      ],
    );
  });

  it('takes the holder from a passive agent and the subject after an introductory phrase', () => {
    const text = 'On Monday, the Teachers Union pressed Harbor City to raise salaries.\n\nBrandt was urged by Keller to withdraw the bill.';
    const found = demandsIn(text, PEOPLE);
    assert.deepStrictEqual(found.map((d) => [d.holder, d.addressee]), [['Teachers Union', 'Harbor City'], ['Keller', 'Brandt']]);
  });

  it('ignores noun uses, questions about, and cues that are part of names', () => {
    const text = [
      'Demand for electricity rose sharply in January.',
      'Keller was asked about the drilling plans at the briefing.',
      'The figures were published by the Associated Press on Tuesday.',
      'Keller did not respond to a request for comment.',
    ].join('\n\n');
    assert.deepStrictEqual(demandsIn(text, PEOPLE), []);
  });
});

describe('demands: deontic statements attributed to an actor', () => {
  it('finds "X said Y must …" and quoted "should" with the speaker as holder', () => {
    const text = [
      'Keller said Northwind Energy must pay for the cleanup.',
      '“Harbor City should stop issuing permits,” Brandt told reporters.',
      'At the hearing, Brandt insisted that it is absolutely essential for the province to fund the repairs.',
    ].join('\n\n');
    const found = demandsIn(text, PEOPLE);
    assert.deepStrictEqual(
      found.map((d) => [d.cue, d.holder, d.addressee]),
      [
        ['must', 'Keller', 'Northwind Energy'],
        ['should', 'Brandt', 'Harbor City'],
        ['insisted', 'Brandt', null],
      ],
    );
  });

  it('carries the speaker into a sentence that continues reported speech', () => {
    const text = 'Keller argued that the reservoir needs stronger protection.\n\nMoreover, Northwind Energy must fence off the site.';
    const found = demandsIn(text, PEOPLE);
    assert.deepStrictEqual(found.map((d) => [d.sentence.slice(0, 8), d.holder]), [['Moreover', 'Keller']]);
  });

  it('uses the speaker the quotation finder attributed', () => {
    const text = '“The ministry has to answer for these delays,” the official said.';
    const start = text.indexOf('The ministry');
    const quote: Quote = {
      start,
      end: text.indexOf(',”'),
      text: '',
      kind: 'direct',
      speaker: { start: text.indexOf('the official'), end: text.indexOf(' said'), text: 'the official', actor: 'a1' },
      cue: null,
    };
    const found = demandsIn(text, { 'Tomas Brandt': 'person' }, [quote]);
    assert.deepStrictEqual(found.map((d) => d.holder), ['Tomas Brandt']);
  });
});

describe('demands: ultimatums and headline forms', () => {
  it('finds deadlines, threats with "unless" and warnings addressed to a party', () => {
    const text = [
      'Keller gave Northwind Energy until Friday to hand over the documents.',
      'Brandt threatened to close the port unless Harbor City lowered the fees.',
      'Keller told the Teachers Union that the schools would stay shut if it did not accept the offer.',
    ].join('\n\n');
    const found = demandsIn(text, PEOPLE);
    assert.deepStrictEqual(
      found.map((d) => [d.holder, d.addressee]),
      [
        ['Keller', 'Northwind Energy'],
        ['Brandt', null],
        ['Keller', 'Teachers Union'],
      ],
    );
  });

  it('reads "X to Y: do Z" and "X: ‘Do Z’" headlines', () => {
    const first = demandsIn('Keller to Ottawa: restore the grants now\n\nThe mayor spoke on Friday.', PEOPLE);
    assert.deepStrictEqual(first.map((d) => [d.holder, d.addressee]), [['Keller', 'Ottawa']]);
    const second = demandsIn('Anna Keller: ‘Stop the layoffs before winter’\n\nThe mayor spoke on Friday.', PEOPLE);
    assert.deepStrictEqual(second.map((d) => d.holder), ['Anna Keller']);
  });
});

describe('demands: cue and content spans', () => {
  it('reports the demanded content without the trailing attribution', () => {
    const text = '“Harbor City must suspend the permits at once,” Keller said.\n\nThe judge insisted that Brandt answer the question.';
    const cast = castOf(text, PEOPLE);
    const found = findDemands(parseDocument(text), cast, curlyQuotes(text));
    assert.deepStrictEqual(
      found.map((d) => [d.cue?.text, d.content?.text]),
      [
        ['must', 'suspend the permits at once'],
        ['insisted', 'Brandt answer the question'],
      ],
    );
  });
});

describe('demands: holders that are not the grammatical subject', () => {
  it('gives a document the author who issued it: "X wrote an op-ed urging", "the statement urged"', () => {
    const text = [
      'Brandt, by contrast, wrote an op-ed urging Harbor City to sell the port.',
      'Late on Friday, the Teachers Union issued a statement about the closures. Citing falling enrolment, the statement urged Ottawa to restore the funding.',
    ].join('\n\n');
    assert.deepStrictEqual(demandsIn(text, PEOPLE).map((d) => [d.holder, d.addressee]), [['Brandt', 'Harbor City'], ['Teachers Union', 'Ottawa']]);
    const ad = 'Anna Keller is releasing a radio ad that urges Harbor City to keep the ferry running.';
    assert.deepStrictEqual(demandsIn(ad, PEOPLE).map((d) => [d.holder, d.addressee]), [['Anna Keller', 'Harbor City']]);
  });

  it('takes the speaker of a quoted "Let X do …" as the holder, not X', () => {
    const text = 'Keller said, “Let Northwind Energy ask Ottawa to pay for the clean-up.”';
    assert.deepStrictEqual(demandsIn(text, PEOPLE).map((d) => d.holder), ['Keller']);
  });

  it('takes a headline\'s named prefix as the holder when no name opens what follows the colon', () => {
    const found = demandsIn('Anna Keller: Drilling Permit ‘Makes No Sense,’ Needs Independent Inquiry\n\nKeller spoke on Monday.', PEOPLE);
    assert.deepStrictEqual(found.map((d) => d.holder), ['Anna Keller']);
    const own = demandsIn('Anna Keller: Brandt Urging Ottawa To Drop The Permit\n\nKeller spoke on Monday.', PEOPLE);
    assert.deepStrictEqual(own.map((d) => d.holder), ['Brandt']);
  });

  it('reads a pronoun opening a reported clause as the reporting verb\'s subject: "most parents said they want …"', () => {
    const text = 'In Harbor City, most parents said they want Ottawa to reopen the schools.\n\nNorthwind Energy issued a report on Monday.';
    const found = findDemands(parseDocument(text), castOf(text, PEOPLE), []);
    assert.deepStrictEqual(found.map((d) => [d.holder_text, d.holder]), [['most parents', null]]);
  });

  it('finds the subject past a home-state title, a relative clause, an opening phrase and a modifier after a possessive', () => {
    const text = [
      'Ohio Sen. Dana Whitfield sent a letter on Monday asking regulators to ban the devices.',
      'Paula Ortiz, who won Nevada and her home state of Arizona, is calling for her rivals to concede.',
      'In Ottawa, Daniel Weber hopes to win the vote and encourage the board to approve the plan.',
      'Weber also criticised Ortiz’s repeated calls to close the border.',
    ].join('\n\n');
    const analysis = analyze(text);
    const names = new Map(analysis.actors.map((a) => [a.id, a.name]));
    assert.deepStrictEqual(
      analysis.demands.map((d) => (d.holder ? names.get(d.holder) : null)),
      ['Dana Whitfield', 'Paula Ortiz', 'Daniel Weber', 'Paula Ortiz'],
    );
  });

  it('reads "it" in a reported clause as the organization reporting, past an opening phrase and a possessive place', () => {
    const text = [
      'Early on Monday, the Teachers Union disclosed in a filing that it asked Harbor City for the records.',
      'On Tuesday, his colleague, Tomas Brandt, called for an open vote.',
    ].join('\n\n');
    assert.deepStrictEqual(demandsIn(text, PEOPLE).map((d) => d.holder), ['Teachers Union', 'Tomas Brandt']);
    const place = 'Keller said Norway’s Finance Ministry requested that the fund be frozen.';
    const analysis = analyze(place);
    const names = new Map(analysis.actors.map((a) => [a.id, a.name]));
    assert.deepStrictEqual(analysis.demands.map((d) => (d.holder ? names.get(d.holder) : null)), ['Finance Ministry']);
  });

  it('finds the pronoun subject of a coordinated verb past "But on Tuesday,"', () => {
    const text = 'Last month, Brandt backed the plan. But on Tuesday, he stood with the mayor and urged Ottawa to drop it.';
    const found = findDemands(parseDocument(text), castOf(text, PEOPLE), []);
    assert.deepStrictEqual(found.map((d) => d.holder_text), ['he']);
  });

  it('gives a verb coordinated inside a "when" clause that clause\'s subject', () => {
    const text = 'The crowd cheered when Keller spotted a banner and asked Brandt to read it aloud.';
    assert.deepStrictEqual(demandsIn(text, PEOPLE).map((d) => d.holder), ['Keller']);
  });

  it('does not take a subordinate clause opening the sentence for an apposition', () => {
    const text = 'Once the report was out, which named Harbor City officials, the residents began calling for Keller to resign.';
    assert.deepStrictEqual(demandsIn(text, PEOPLE).map((d) => d.holder), [null]);
  });

  it('keeps the subject noun phrase of a coordinated verb and reads through a title abbreviation', () => {
    const text = [
      'A group of 40 teachers published a letter about Keller and called on Ottawa to fund the schools.',
      'For six years as mayor, Ms. Keller played a large role, often pushing Ottawa to expand the port.',
    ].join('\n\n');
    assert.deepStrictEqual(demandsIn(text, { ...PEOPLE, 'Ms. Keller': 'person' }).map((d) => d.holder), [null, 'Ms. Keller']);
  });

  it('gives "they" after two people named together to both of them', () => {
    const text = 'Senators Paula Ortiz and Daniel Weber wrote to the agency on Friday.\n\n“The permits should be withdrawn at once,” they wrote.';
    const analysis = analyze(text);
    const holder = analysis.actors.find((a) => a.id === analysis.demands[0]?.holder);
    assert.strictEqual(holder?.name, 'Paula Ortiz and Daniel Weber');
  });
});

describe('demands: addressees', () => {
  it('does not take a place that only modifies a noun ("the Lisbon summit") as the addressee', () => {
    const text = 'Greenpeace urged the Lisbon summit organisers to ban private jets.\n\nThe mayor urged Portugal to ban private jets.';
    const analysis = analyze(text);
    const names = new Map(analysis.actors.map((a) => [a.id, a.name]));
    assert.deepStrictEqual(
      analysis.demands.map((d) => (d.addressee ? names.get(d.addressee) : null)),
      [null, 'Portugal'],
    );
  });
});

describe('demands: what is not a demand', () => {
  it('skips assertions and predictions even with "insist"', () => {
    const text = 'Keller insisted that there was no danger to the water supply.\n\nBrandt insisted the plant will reopen next year.';
    assert.deepStrictEqual(demandsIn(text, PEOPLE), []);
  });

  it('skips a race called for a candidate and a quotation after "told reporters,"', () => {
    const text = [
      'Supporters cheered when Ohio was called for Anna Keller minutes after the polls closed.',
      'Later on, Brandt told reporters, “it starts to pay off.”',
    ].join('\n\n');
    assert.deepStrictEqual(demandsIn(text, PEOPLE), []);
    assert.deepStrictEqual(demandsIn('The Teachers Union called for Anna Keller to resign.', PEOPLE).map((d) => d.holder), ['Teachers Union']);
  });

  it('skips refusals and self-commitments', () => {
    const text = [
      '“We will not accept these conditions,” Keller said.',
      'Northwind Energy refused to call for a new vote.',
      '“We must work harder to win back trust,” Brandt said.',
      'Keller said she cannot make concessions on safety.',
    ].join('\n\n');
    assert.deepStrictEqual(demandsIn(text, PEOPLE), []);
  });

  it('skips questions', () => {
    const text = 'Should Harbor City pay for the repairs?\n\n“Why should we pay for their mistakes?” Keller asked.';
    assert.deepStrictEqual(demandsIn(text, PEOPLE), []);
  });

  it("skips the reporter's own deontic sentences", () => {
    const text = 'Harbor City must find a better way to fund its schools.\n\nThe province should have acted sooner.';
    assert.deepStrictEqual(demandsIn(text, PEOPLE), []);
  });

  it('skips hedges, relative clauses and hypotheticals', () => {
    const text = [
      'It should be noted that Keller has not commented.',
      'Brandt listed the rules that operators must follow.',
      'Keller said Brandt could ask the council to delay the vote.',
      'If Brandt had asked them to wait, the vote would have been delayed, Keller said.',
    ].join('\n\n');
    assert.deepStrictEqual(demandsIn(text, PEOPLE), []);
  });
});

describe('demands: the sample article', () => {
  const analysis = analyze(SAMPLE);
  const nameOf = (id: string | null): string => analysis.actors.find((a) => a.id === id)?.name ?? '';

  it('finds the demands of the Russian side and not the assurances', () => {
    const sentences = analysis.demands.map((d) => d.text);
    for (const start of ['At the same time, he insisted', '“We would like the formula', '“We insist that it is absolutely mandatory', 'The diplomat argued', 'Furthermore, the Atlantic Alliance must', 'He called the US', 'Last December, Russian President']) {
      assert.ok(sentences.some((s) => s.startsWith(start)), `no demand in "${start}…"`);
    }
    assert.ok(!sentences.some((s) => s.startsWith('Riabkov stressed') || s.startsWith('Riabkov admitted')), 'an assurance was reported as a demand');
  });

  it('gives each demand a holder: Riabkov, or Putin for the December demand', () => {
    for (const d of analysis.demands) {
      const holder = nameOf(d.holder);
      if (d.text.startsWith('Last December')) assert.match(holder, /Putin/);
      else assert.match(holder, /Riabkov/, `holder of "${d.text.slice(0, 40)}…" is "${holder}"`);
    }
  });
});

describe('demands in wire copy and long openings', () => {
  const holders = (text: string) => analyze(text).demands.map((d) => [d.holder_text ?? null, d.cue?.text ?? null, d.content?.text ?? null]);

  it('names the holder after a long opening phrase, and never the dash of a dateline', () => {
    assert.deepStrictEqual(holders('In a letter to the International Monetary Fund, Carlos Adeyemi, the finance minister, requested that it stop lending to the mines.'), [
      ['Carlos Adeyemi', 'requested', 'it stop lending to the mines'],
    ]);
    assert.deepStrictEqual(holders('WASHINGTON (Reuters) - The senator said the agency must release the files.'), [['The senator', 'must', 'release the files']]);
  });

  it('ends the content before a long attribution after the quotation', () => {
    assert.deepStrictEqual(holders('“Rich countries must keep the promises they made,” Mexican senior economist Aisha Ulaberg said.'), [
      ['Mexican senior economist Aisha Ulaberg', 'must', 'keep the promises they made'],
    ]);
    // A closing-shaped mark inside the content ("review“ of") is not followed by a subject: the content goes on.
    const [content] = holders('The campaign called on the agency to run an “expedited review“ of the city’s water pipes and said the state must pay for it.').map(([, , c]) => c);
    assert.match(content ?? '', /^run an “expedited review“ of the city’s water pipes/);
  });

  it('asks nothing when "be" has lost its complement: "where we want it to be"', () => {
    assert.deepStrictEqual(holders('“Inflation is coming down, but it is not yet where we want it to be,” the governor said.'), []);
    assert.deepStrictEqual(holders('Prices are not yet where the government wants them to be.'), []);
    assert.deepStrictEqual(holders('The union said the price must be fair.'), [['The union', 'must', 'be fair']]);
  });
});
