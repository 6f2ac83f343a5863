import * as assert from 'assert';
import { analyze } from '../../src/core/analyze';
import type { Cast } from '../../src/core/cast';
import { scanQuoteMarks } from '../../src/core/quoteMarks';
import { findQuotes } from '../../src/core/quotes';
import { parseDocument } from '../../src/core/text';
import type { Actor, Quote } from '../../src/core/types';
import { SAMPLE } from './helpers';

/** A cast that knows no one: speaker phrases must be found without any entity recognition. */
const EMPTY_CAST: Cast = {
  entities: [],
  actors: [],
  actorAt: () => null,
  resolve: () => null,
  finish: () => undefined,
};

function quotesOf(text: string): Quote[] {
  return findQuotes(parseDocument(text), EMPTY_CAST);
}

function direct(text: string): { text: string; speaker: string | null; cue: string | null; kind: string }[] {
  return quotesOf(text)
    .filter((q) => q.kind !== 'indirect')
    .map((q) => ({ text: q.text, speaker: q.speaker?.text ?? null, cue: q.cue?.text ?? null, kind: q.kind }));
}

describe('quotation marks', () => {
  it('pairs curly, straight, guillemet and low-high marks', () => {
    const text = [
      '“We will rebuild the bridge,” the mayor said.',
      'The minister said: "Talks resume in May."',
      'The envoy called it «a constructive meeting», officials said.',
      'A banner read „Keine Gewalt“ outside the court.',
    ].join('\n\n');
    assert.deepStrictEqual(
      scanQuoteMarks(parseDocument(text)).quotes.map((q) => text.slice(q.start, q.end)),
      ['We will rebuild the bridge,', 'Talks resume in May.', 'a constructive meeting', 'Keine Gewalt'],
    );
  });

  it('keeps a nested single-quoted title inside the outer quote, even when closed with a straight apostrophe', () => {
    const text = "“The union told us: ‘No deal before the holidays,'” the manager said.";
    const quotes = scanQuoteMarks(parseDocument(text)).quotes;
    assert.strictEqual(quotes.length, 1);
    assert.strictEqual(text.slice(quotes[0].start, quotes[0].end), "The union told us: ‘No deal before the holidays,'");
  });

  it('does not open a quote at apostrophes and contractions', () => {
    const text = "The farmers’ union said it won't accept the 'temporary' levy, and the '90s rules stay.";
    assert.deepStrictEqual(
      scanQuoteMarks(parseDocument(text)).quotes.map((q) => text.slice(q.start, q.end)),
      ['temporary'],
    );
  });

  it('reads a left mark glued to a word before a capital as the closing mark of a quote with no opening mark', () => {
    const text = 'Prices will not rise this winter“Said Anna Berg, the head of the utility, on Monday.';
    const scan = scanQuoteMarks(parseDocument(text));
    assert.deepStrictEqual(scan.quotes.map((q) => text.slice(q.start, q.end)), ['Prices will not rise this winter']);
    assert.deepStrictEqual(scan.problems.map((p) => p.kind), ['missing-opening-mark']);
  });

  it('chains a quote continued in the next paragraph by a new opening mark', () => {
    const text = '“The first phase is finished.\n\n“The second starts in June,” the engineer said.';
    const scan = scanQuoteMarks(parseDocument(text));
    assert.deepStrictEqual(scan.quotes.map((q) => [text.slice(q.start, q.end), q.continues, q.continuationOf]), [
      ['The first phase is finished.', true, null],
      ['The second starts in June,', false, 0],
    ]);
    assert.deepStrictEqual(scan.problems, []);
  });

  it('chains every paragraph of a quote that runs over more than two paragraphs', () => {
    const text = '"The pipeline is late.\n\n"The budget has doubled.\n\n"The contractor has left.\n\n"We will start again," the mayor said.';
    const scan = scanQuoteMarks(parseDocument(text));
    assert.deepStrictEqual(
      scan.quotes.map((q) => [q.continues, q.continuationOf]),
      [[true, null], [true, 0], [true, 1], [false, 2]],
    );
  });

  it('treats two apostrophes as a double mark and ignores markup attributes and inch marks', () => {
    const text = "''We expect growth,'' the analyst said of the 15\" model.\n\n<img alt=\"a chart\"> was shown.";
    assert.deepStrictEqual(
      scanQuoteMarks(parseDocument(text)).quotes.map((q) => text.slice(q.start, q.end)),
      ['We expect growth,'],
    );
  });
});

describe('passages quoted from another paper', () => {
  it('ends a passage opened by straight marks at its stray closing mark without inventing a quote before it', () => {
    const text = [
      'The Ledger’s reporter Jo Park writes:',
      '"Dana had spent the spring at her sister’s farm. She was tired, sure. But not beaten.',
      '“I never once thought I was finished,” she said in July, and the reason was the campaign she had joined."',
    ].join('\n\n');
    const quotes = direct(text);
    assert.deepStrictEqual(quotes.find((q) => q.text.startsWith('I never'))?.speaker, 'she');
    assert.ok(!quotes.some((q) => q.text.startsWith('she said')));
  });

  it('attributes a quote inside such a passage by the passage’s own words, not to the paper quoted', () => {
    const text = [
      'The Ledger’s reporter Jo Park writes:',
      '"Dana had spent the spring at her sister’s farm after what she called a “rough patch,” and she was tired.',
      '"She was not beaten, though."',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text).find((q) => q.text.startsWith('rough patch'))?.speaker, 'she');
  });

  it('leaves a quote inside a transcript line to the line’s speaker label', () => {
    const text = [
      'The governor was asked about the debate on Sunday.',
      '"HOLT: Well, look, Governor Ray Dunn apparently thinks this is an episode of “Survivor.” But this is a serious race.',
      '"WALLACE: Do you think it will matter?"',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text).find((q) => q.text.startsWith('Survivor'))?.speaker, 'HOLT');
  });
});

describe('quotes and speakers', () => {
  it('attributes the common news patterns', () => {
    const text = [
      '“The budget is balanced,” said Maria Lopez, the city treasurer.',
      '“We need more nurses,” the hospital director said.',
      'Governor Tom Reyes said: “The roads will reopen on Friday.”',
      '“It was a long night,” he added.',
      '“Nobody was hurt,” a police spokeswoman told reporters.',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text), [
      { text: 'The budget is balanced,', speaker: 'Maria Lopez', cue: 'said', kind: 'direct' },
      { text: 'We need more nurses,', speaker: 'the hospital director', cue: 'said', kind: 'direct' },
      { text: 'The roads will reopen on Friday.', speaker: 'Governor Tom Reyes', cue: 'said', kind: 'direct' },
      { text: 'It was a long night,', speaker: 'he', cue: 'added', kind: 'direct' },
      { text: 'Nobody was hurt,', speaker: 'a police spokeswoman', cue: 'told', kind: 'direct' },
    ]);
  });

  it('finds cues beyond "said" and the speaker across a parenthetical or an appositive', () => {
    const text = [
      '“This is not negotiable,” Sen. Dana K. Ford (D-Ore.) insisted on Tuesday.',
      '“We were never consulted,” Ahmed Khan, a farmer from the valley, complained.',
      '“Why did nobody warn us?” the teacher asked.',
    ].join('\n\n');
    assert.deepStrictEqual(
      direct(text).map((q) => [q.speaker, q.cue]),
      [
        ['Sen. Dana K. Ford', 'insisted'],
        ['Ahmed Khan', 'complained'],
        ['the teacher', 'asked'],
      ],
    );
  });

  it('attributes partial quotes inside a reporting clause and shares the subject of coordinated verbs', () => {
    const text = 'The minister admitted that the plan needed “more time” but stressed that it was “the only option.”';
    assert.deepStrictEqual(direct(text), [
      { text: 'more time', speaker: 'The minister', cue: 'admitted', kind: 'partial' },
      { text: 'the only option.', speaker: 'The minister', cue: 'stressed', kind: 'partial' },
    ]);
  });

  it('finds the subject before a short quote whose verb follows it', () => {
    const text = 'Last week, Mayor Ellen Park “firmly” rejected the proposal.';
    assert.deepStrictEqual(direct(text), [{ text: 'firmly', speaker: 'Mayor Ellen Park', cue: 'rejected', kind: 'partial' }]);
  });

  it('gives a paragraph of quotes after an introduction to the person introduced', () => {
    const text = 'The coach explained the decision:\n\n“We lost our best defender in March. The young players needed minutes.”';
    assert.deepStrictEqual(direct(text), [
      { text: 'We lost our best defender in March. The young players needed minutes.', speaker: 'The coach', cue: 'explained', kind: 'direct' },
    ]);
  });

  it('attributes every part of a multi-paragraph quote to the speaker named at its end', () => {
    const text = '“The factory will close in spring.\n\n“We will help every worker find a new job,” the chief executive wrote.';
    assert.deepStrictEqual(
      direct(text).map((q) => [q.text, q.speaker]),
      [
        ['The factory will close in spring.', 'the chief executive'],
        ['We will help every worker find a new job,', 'the chief executive'],
      ],
    );
  });

  it('gives every paragraph of a block after a colon introduction to the speaker introduced', () => {
    const text = 'The harbour master wrote to the council on Friday:\n\n"The east pier is unsafe.\n\n"Two of its pillars have cracked.\n\n"No ship should moor there until it is repaired."\n\nThe council has not replied.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['The harbour master', 'The harbour master', 'The harbour master']);
  });

  it('gives a transcript line the speaker of its label inside a block of paragraphs, and a stage direction nobody', () => {
    const text = 'The interview was short.\n\n"HOST: Will you run again?\n\n"GUEST: Not this year.\n\n"(Laughter.)\n\n"HOST: Why not?"';
    assert.deepStrictEqual(direct(text).map((q) => [q.text, q.speaker]), [
      ['Will you run again?', 'HOST'],
      ['Not this year.', 'GUEST'],
      ['(Laughter.)', null],
      ['Why not?', 'HOST'],
    ]);
  });

  it('gives a paragraph of quotation to the subject that opens the report ending the paragraph before', () => {
    const text = 'The depot opened in 1998.\n\nThe union leader Maria Santos criticized the new rota on Tuesday.\n\n“Nobody asked the drivers what they think.”\n\nThe depot sits near a school, which worries the parents.\n\n“It is far too close.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['The union leader Maria Santos', null]);
  });

  it('keeps the speaker for a second quote that continues after the attribution', () => {
    const text = '“The water is safe,” said Dr. Lee Chen. “We test it every hour.”';
    assert.deepStrictEqual(
      direct(text).map((q) => q.speaker),
      ['Dr. Lee Chen', 'Dr. Lee Chen'],
    );
  });

  it('leaves scare quotes, titles and headline quotes without a speaker', () => {
    const text = 'Council delays “historic” vote\n\nThe so-called “reform” would merge two agencies.\n\nShe appeared on NBC’s “Meet the Press” last year.';
    const quotes = direct(text);
    assert.deepStrictEqual(
      quotes.map((q) => [q.text, q.kind, q.speaker]),
      [
        ['historic', 'scare', null],
        ['reform', 'scare', null],
        ['Meet the Press', 'scare', null],
      ],
    );
  });

  it('reports a quotation inside a quotation as the outer speaker’s words too', () => {
    const text = '“They keep calling it “a temporary measure,” but nothing has changed in ten years,” said Nadia Osei, a tenant organizer.';
    assert.deepStrictEqual(
      direct(text).map((q) => [q.text, q.kind, q.speaker]),
      [
        ['They keep calling it “a temporary measure,” but nothing has changed in ten years,', 'direct', 'Nadia Osei'],
        ['a temporary measure,', 'partial', 'Nadia Osei'],
      ],
    );
  });

  it('leaves a nickname inside a name without a speaker', () => {
    const quotes = direct('Former mayor Robert "Bobby" Lane said the plan was fair.');
    assert.deepStrictEqual(quotes.map((q) => [q.text, q.kind, q.speaker]), [['Bobby', 'scare', null]]);
  });

  it('reports no quotes from boilerplate and only unattributed ones from asides', () => {
    const text = [
      '“We will appeal,” the lawyer said.',
      'Court rejects “final” appeal in land case',
      'The hearing lasted two hours and ended without a ruling on the costs of the case.',
      'You may also like',
      '“Best deals of the week,” says our shopping team',
    ].join('\n\n');
    const quotes = quotesOf(text).filter((q) => q.kind !== 'indirect');
    assert.deepStrictEqual(
      quotes.map((q) => [q.text, q.speaker?.text ?? null]),
      [
        ['We will appeal,', 'the lawyer'],
        ['final', null],
      ],
    );
  });
});

describe('speaker phrases around the quote', () => {
  it('keeps lower-case modifiers before a name and joins a role to its institution', () => {
    const text = [
      '“The harbour will be dredged next spring,” said longtime port engineer Hanna Berg.',
      '“Prices have doubled since June,” a buyer at the fish market said.',
      '“We will not sign this version,” retired union leader Pavel Novak said on Monday.',
    ].join('\n\n');
    assert.deepStrictEqual(
      direct(text).map((q) => q.speaker),
      ['longtime port engineer Hanna Berg', 'a buyer at the fish market', 'retired union leader Pavel Novak'],
    );
  });

  it('does not skip a name ending in -ly as if it were an adverb', () => {
    const text = 'The hearing ran late into the evening.\n\n“You never answered the question,” Kelly replied.';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [['Kelly', 'replied']]);
  });

  it('finds a subject before a chain of appositives', () => {
    const text = '“The levee held,” Olga Marsh, the county engineer, one of the officials who inspected it, said at dawn.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Olga Marsh']);
    const reported = 'Tom Wells, a grocer from Dayton, Ohio, says the new tax will close small shops.';
    assert.deepStrictEqual(quotesOf(reported).map((q) => q.speaker?.text), ['Tom Wells']);
  });

  it('reads an attribution after a question that ends its own sentence', () => {
    const text = '“Do you really think I will resign?” the mayor asked reporters outside city hall on Friday. “I will not.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['the mayor', 'the mayor']);
  });

  it('does not carry a statement quote into the next sentence’s reporting verb', () => {
    const text = 'Lee called the delay “deeply regrettable.” She writes that the committee will meet again once the summer recess is over.';
    const partial = direct(text).find((q) => q.text.startsWith('deeply'));
    assert.strictEqual(partial?.speaker, 'Lee');
  });

  it('takes an inverted attribution that ends the quote’s sentence after an interruption', () => {
    const text = '“The council has run out of options” unless the state steps in, said Marta Ruiz, a budget analyst at the university.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Marta Ruiz']);
  });

  it('gives a participle after a comma to the reporting clause, not to the clause it reports', () => {
    const text = 'Ferris said on Monday that the regulators ignored the warnings, calling the decision “a gift to polluters.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Ferris']);
  });

  it('takes a name and any past-tense verb after a quote that ends in a comma as its attribution', () => {
    const text = [
      'The vote was postponed for a third time.',
      '“They never wanted this bill to pass,” Councillor Amy Stone fumed on Tuesday.',
      '“The numbers will not add up,” he grumbled.',
    ].join('\n\n');
    assert.deepStrictEqual(
      direct(text).map((q) => [q.speaker, q.cue]),
      [
        ['Councillor Amy Stone', 'fumed'],
        ['he', 'grumbled'],
      ],
    );
    const relative = 'The audit was published on Monday. Its finding that “the fund was drained,” which led to the closure, surprised nobody.';
    assert.deepStrictEqual(quotesOf(relative).map((q) => q.speaker), [null]);
  });

  it('finds the subject of a participle past leading adverbials and place names', () => {
    const text = 'Speaking at a market in Lyon, France, Mayor Paul Roche praised the stallholders, calling them “the heart of this city.”';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [['Mayor Paul Roche', 'calling']]);
  });

  it('gives a partial quote in a clause reported with "told" to the teller', () => {
    const text = 'The coach told players this week they would regret a “lazy summer” once the season began.';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [['The coach', 'told']]);
  });

  it('lets two quotes joined by "and" share the speaker named after the second', () => {
    const text = 'Tolls are “a tax on commuters” and “a gift to the operator,” Lena Fox, the head of the drivers’ association, told the hearing.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Lena Fox', 'Lena Fox']);
  });

  it('attributes a quote introduced by a colon to the subject of the clause', () => {
    const text = [
      'The board met for three hours on Tuesday.',
      'Chairwoman Ines Alvarez was blunt:  “We cannot afford another season like this one.”',
      'But in the end, she struck a hopeful note: “The club will survive.”',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Chairwoman Ines Alvarez', 'she']);
  });

  it('shares the clause subject with a coordinated cue after a verb that is no cue', () => {
    const text = 'Governor Ruth Abney toured the flooded district and called it “slow, badly organised and far too late for the farmers.”';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [['Governor Ruth Abney', 'called']]);
  });

  it('takes the subject of a progressive verb and of "thanked" before a partial quote', () => {
    const text = [
      'The mayor is praising the volunteers as “the people who kept this town afloat.”',
      'Ms. Okafor thanked the firefighters for “working three nights without a break.”',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['The mayor', 'Ms. Okafor']);
  });

  it('does not take a relative pronoun after the quote for its speaker', () => {
    const text = 'The inspector admitted that there are still “a few landlords” who feel the rules do not apply to them.';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [['The inspector', 'admitted']]);
  });

  it('does not carry the previous paragraph’s speaker to a quote followed by an unread attribution', () => {
    const text = 'The union leader Ada Moss was defiant: “We will strike on Monday.”\n\n“Not us, but good luck to them!” the rival union Tweeted.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['The union leader Ada Moss', null]);
  });

  it('resolves a pronoun in "what he calls" to the subject that opens the sentence', () => {
    const doc = 'Senator Hal Brennan has campaigned for months against what he calls the “Albany machine” in state politics.';
    const actors: Actor[] = [{ id: 'a1', name: 'Hal Brennan', type: 'person', aliases: ['Senator Hal Brennan'], mentions: [{ start: 0, end: 19 }] }];
    const cast: Cast = { ...EMPTY_CAST, actors, actorAt: (start, end) => (start < 19 && end > 0 ? 'a1' : null) };
    const quote = findQuotes(parseDocument(doc), cast).find((q) => q.kind === 'partial');
    assert.deepStrictEqual([quote?.speaker?.text, quote?.speaker?.actor], ['he', 'a1']);
  });

  it('reads "as X put it" as an attribution, but not "put it" elsewhere', () => {
    const text = 'The budget, as the mayor’s spokeswoman put it, is “dead on arrival.”\n\nHe put it on the table and called the offer “insulting.”';
    assert.deepStrictEqual(
      direct(text).map((q) => [q.speaker, q.cue]),
      [
        ['the mayor’s spokeswoman', 'put it'],
        ['He', 'called'],
      ],
    );
  });

  it('gives words that a reported clause attributes to someone else to the reporting speaker', () => {
    const text = [
      'Ms. Grant said on Friday that the minister once called the treaty “a historic blunder.”',
      'The envoy assured the council that the talks would go on, while he considered the offer “a first step.”',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Ms. Grant', 'he']);
  });

  it('gives a quote introduced by a possessed speech noun to its possessor, not a verdict on it', () => {
    const text = [
      'Auditors looked into the mayor’s claim that the fund was “nearly empty” by March.',
      'Contrary to his promise to “fix every road by June,” the work has not begun.',
      'The panel found that Lee’s statement was “misleading.”',
    ].join('\n\n');
    assert.deepStrictEqual(
      direct(text).map((q) => [q.speaker, q.cue]),
      [
        ['the mayor’s', 'claim'],
        ['his', 'promise'],
        ['The panel', 'found'],
      ],
    );
  });

  it('credits a quote to the source that vouches for its attribution', () => {
    const text = [
      '“We will not close the mine,” the governor said on Monday, according to the Herald.',
      '“The vote was rigged,” said Ana Ruiz, a candidate for mayor, reports The Chronicle.',
      '“I have nothing to add,” the coach said after the game.',
      'According to the Gazette, the minister said the reform would be “finished by spring.”',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [
      ['the Herald', 'according to'],
      ['The Chronicle', 'reports'],
      ['the coach', 'said'],
      ['the Gazette', 'According to'],
    ]);
  });

  it('takes a counted group and a name before a time phrase as the subject', () => {
    const text = [
      'In the survey, 41 percent said the council was “out of touch.”',
      'Lopez at the time said she had “no regrets.”',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['41 percent', 'Lopez']);
  });

  it('gives a participle after an object to the clause subject, past a dateline', () => {
    const text = [
      'The city council released a statement on Monday saying the budget was “balanced and fair.”',
      'LISBON (Reuters) — Finance Minister Rui Costa defended the plan, calling it “the only responsible path.”',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['The city council', 'Finance Minister Rui Costa']);
  });

  it('lets the attribution that closes a sentence govern a partial quote inside it', () => {
    const text = 'The levy funds what the union president described as “fair pay” for night shifts, the senator said.';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [['the senator', 'said']]);
  });

  it('does not take a plural time noun opening the sentence for the subject', () => {
    const text = 'Hours later, Mayor Lin Park returned the favour, telling reporters “we are friends again.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Mayor Lin Park']);
  });

  it('lets a named view-verb sentence introduce the quote that follows it', () => {
    const text = 'Harbour master Ines Falk called the new pier a triumph of patience. “We waited eleven years for this.”';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [['Harbour master Ines Falk', 'called']]);
  });

  it('starts a new quotation at a line that opens with a mark after an unclosed one', () => {
    const text = [
      '“The plant stays open,” Rita Hale said. “If the order falls through, we will find another buyer.',
      '“The workers deserve an answer this week,” added Omar Diaz, the union steward.',
    ].join('\n');
    assert.deepStrictEqual(
      direct(text).map((q) => [q.text, q.speaker]),
      [
        ['The plant stays open,', 'Rita Hale'],
        ['If the order falls through, we will find another buyer.', 'Rita Hale'],
        ['The workers deserve an answer this week,', 'Omar Diaz'],
      ],
    );
  });

  it('reads the subject of a characterisation verb as the speaker of the words it quotes', () => {
    const text = 'The union leader Maria Lopez, in an interview, portrayed the closure as a “betrayal of the valley.”\n\nSenator Hale (R-Ohio), in particular, has been steadily pounding the governor as a “part-time executive” since June.';
    assert.deepStrictEqual(direct(text).map((q) => [q.text, q.speaker]), [
      ['betrayal of the valley.', 'The union leader Maria Lopez'],
      ['part-time executive', 'Senator Hale'],
    ]);
  });

  it('keeps a participle modifier after a determiner in the speaker phrase', () => {
    const text = '“We are not leaving,” the striking dockworker told Reuters.\n\n“The numbers do not add up,” a retired auditor said on Monday.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['the striking dockworker', 'a retired auditor']);
  });

  it('gives a quotation signed after a dash and before a colon to the signed name, not to the summary line', () => {
    const text = 'The pollsters predicted the upset - Maria Keller: “The early ballots leaned young and urban, and that held on the day.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Maria Keller']);
  });

  it('reads "went on" and "shot back" as reporting verbs only where the particle closes the phrase', () => {
    const text = 'After the mayor criticised the budget, Councillor Dana Ruiz shot back, “You voted for every line of it.”\n\n“We will not close the library,” Ruiz went on, to applause. “Not this year.”\n\nThe mayor went on to win the vote. “It passed,” a clerk said.';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [
      ['Councillor Dana Ruiz', 'shot back'],
      ['Ruiz', 'went on'],
      ['Ruiz', 'went on'],
      ['a clerk', 'said'],
    ]);
  });

  it('gives words quoted after an infinitive cue to the clause subject, but not after a verb that hands it to its object', () => {
    const text = 'Governor Amy Lind took to the radio on Sunday to accuse the union of “holding the city hostage.”\n\nThe court ordered the company to describe the fund as “fully independent” in its filings.';
    assert.deepStrictEqual(direct(text).map((q) => [q.text, q.speaker]), [
      ['holding the city hostage.', 'Governor Amy Lind'],
      ['fully independent', null],
    ]);
  });

  it('does not read a sentence-opening "Following" as a name', () => {
    const text = 'Following a closed-door session, the ethics panel released its findings, calling the payments “a serious lapse of judgment.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['the ethics panel']);
  });

  it('gives words after an -ing cue that follows a plain noun to the clause subject', () => {
    const text = 'Mayor Tom Reyes unleashed a string of tweets late Sunday saying the council had treated the report “as a rubber stamp.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Mayor Tom Reyes']);
  });

  it('does not give words quoted at the end of a sentence to the subject of the next sentence', () => {
    const text = 'Norway branded the tariff a “hostile act against its neighbours.” Sweden insisted that the talks “continue as planned.”';
    assert.deepStrictEqual(direct(text).map((q) => [q.text, q.speaker]), [
      ['hostile act against its neighbours.', 'Norway'],
      ['continue as planned.', 'Sweden'],
    ]);
  });
});

describe('speaker phrases with descriptors and coordinated verbs', () => {
  it('keeps a date-like number before the name in an inverted speaker phrase', () => {
    const text = '“Nobody has answered our questions in fifteen years,” said 9/11 widow Ruth Calder.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['9/11 widow Ruth Calder']);
  });

  it('reads "mother of three" as one description before the verb', () => {
    const text = 'Asked why fathers were left out, the 41-year-old mother of three replied, “The plan starts with the parent who gave birth.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['the 41-year-old mother of three']);
  });

  it('gives a cue after "but now" the subject of the clause it is coordinated with', () => {
    const text = 'Councilman Ray Ortiz used to back the incumbent, but now said the challenger had “the energy to win this fall.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Councilman Ray Ortiz']);
  });

  it('gives words quoted after a plain verb to the named subject that opens the sentence', () => {
    const text = 'Dr. Amira Haddad pondered who, after the verdict, might “speak for the families who lost everything.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Dr. Amira Haddad']);
  });

  it('leaves a short label after a possessive and a title to nobody', () => {
    const text = 'The Herald sent its “chief storm chaser” to the coast.\n\nThe network cancelled “Morning Live Today” last week.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), [null, null]);
  });

  it('gives a quotation standing alone to the named subject of the sentence before it, past a quoted show title', () => {
    const text = 'On “Sunday Forum,” Sen. Rita Moss (Ore.), who lost the primary to Dean, named housing costs as the reason young voters stay home. “They are more worried about rent than about any candidate in this race.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), [null, 'Sen. Rita Moss']);
  });

  it('gives a run of quote paragraphs to the speaker named right after the run', () => {
    const text = [
      'Lopez is upbeat about the council’s chances, in part because she sees the mayor as a unifier.',
      '“Not only can this council pass the budget, it is the only one that can pass it in time.”',
      '“The mayor may be the only one who can hold the votes together,” Lopez notes.',
    ].join('\n\n');
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Lopez', 'Lopez']);
  });

  it('gives words after an -ing cue that follows an object to two subjects joined by "and"', () => {
    const text = 'Lamont and Ferris issued a joint statement describing the talks as “a real step toward a deal.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Lamont and Ferris']);
  });

  it('looks past auxiliaries and a time phrase between a relative pronoun and its cue', () => {
    const text = 'Ms. Ortega, who has in the past described the tax as “a burden on every renter,” voted against it.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['who']);
  });

  it('reads a capitalised past-tense cue after an appositive', () => {
    const text = '“Not our ad, but we cannot argue with it!” Dwyer, the head of the Forward Fund, Tweeted on Friday.';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [['Dwyer', 'Tweeted']]);
  });

  it('reads a speaker phrase holding a short quoted name after the quote', () => {
    const text = '“We have had better weeks than this one,” Ohio delegate Ruth Stiles, wearing a straw hat and “Kasich” buttons, said with a shrug.';
    assert.deepStrictEqual(direct(text)[0].speaker, 'Ohio delegate Ruth Stiles');
  });

  it('gives a quote after a sentence-opening participle to the speaker of the sentence before', () => {
    const text = 'Later in the broadcast, Hale stated that the audit “was not good.” Adding, “Like every audit, what matters is how they answer it.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Hale', 'Hale']);
  });

  it('never reads a subject after a participle cue that follows the quote', () => {
    const text = 'Mayor Ruth Okafor has mounted a spirited defense of “river town values,” saying the city embodied the “grit, warmth and stubbornness of the valley.”';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Mayor Ruth Okafor', 'Mayor Ruth Okafor']);
  });

  it('gives a long quote after a modal and a plain verb, or after a leading time phrase, to the sentence subject', () => {
    const text = 'But Okafor would not comment on a rule signed by the governor “to protect privacy and equality for every worker” in the state.\n\nOn Monday, Okafor griped to a crowd in Dayton that the paper “never treats our side of the river fairly” before leaving.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Okafor', 'Okafor']);
  });

  it('gives a chant to the people marching, not to the streets they march through', () => {
    const text = 'The town stayed tense overnight. Students marching through the square chanted “Whose streets?” until dawn.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Students']);
  });

  it('reads any past-tense verb right after an exclaimed quote as inverted before the speaker', () => {
    const text = 'The hall erupted. “This is the best night of my life!” beamed Rosa Delgado of Tucson, who had waited since dawn.';
    assert.deepStrictEqual(direct(text).map((q) => [q.speaker, q.cue]), [['Rosa Delgado of Tucson', 'beamed']]);
  });

  it('reads "went on about" as talking about the quoted words', () => {
    const text = 'The crowd grew restless as the governor went on about “reckless spending” in the capital.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['the governor']);
  });
});

describe('participle phrases before the speaker', () => {
  it('does not let a participle phrase closed by a comma vouch for the quote after it', () => {
    const text = 'In a statement announcing the decision, the Teachers Union called the budget a “turning point” for rural schools.';
    assert.deepStrictEqual(
      direct(text).map((q) => [q.text, q.speaker]),
      [['turning point', 'the Teachers Union']],
    );
  });
});

describe('quotes attributed through other quotes', () => {
  it('gives words quoted inside a reported clause to its speaker, but not a title', () => {
    const text = 'Coach Lena Marsh stood at the touchline and called the referee’s decision “a disgrace to the game.”\n\nShe told ESPN’s “Morning Sports” she would appeal.';
    assert.deepStrictEqual(
      direct(text).map((q) => [q.text, q.kind, q.speaker]),
      [
        ['a disgrace to the game.', 'partial', 'Coach Lena Marsh'],
        ['Morning Sports', 'scare', null],
      ],
    );
  });

  it('gives a headline quote the speaker of the same words in the story', () => {
    const text = 'Mayor Vows ‘No More Delays’ on Bridge\n\nThe mayor promised residents on Monday that there would be “no more delays” on the bridge repairs.';
    assert.deepStrictEqual(
      direct(text).map((q) => [q.text, q.speaker]),
      [
        ['No More Delays', 'The mayor'],
        ['no more delays', 'The mayor'],
      ],
    );
  });

  it('gives a quote in a "Name: …" headline to that name, unless the story quotes the same words from someone', () => {
    const labelled = 'Senator Moss: Budget Plan Is ‘Dead on Arrival in the House’\n\nThe budget plan faces a difficult vote next week.';
    assert.deepStrictEqual(direct(labelled).map((q) => [q.text, q.speaker]), [['Dead on Arrival in the House', 'Senator Moss']]);
    const repeated = 'Senator Moss: Plan Is ‘Dead on Arrival in the House’\n\nHer aide Jo Park said the plan was “dead on arrival in the House.”';
    assert.strictEqual(direct(repeated)[0].speaker, 'Her aide Jo Park');
    const kicker = 'EXCLUSIVE: Budget Plan Is ‘Dead on Arrival in the House’\n\nThe budget plan faces a difficult vote next week.';
    assert.strictEqual(direct(kicker)[0].speaker, null);
  });

  it('gives repeated words the speaker they were attributed to most often', () => {
    const text = 'Port Strike Called ‘Last Resort’\n\nUnion leader Omar Sy said the strike was a “last resort.” Sy repeated that it was a “last resort” on Tuesday, though the port authority said it was not “a last resort” at all.';
    assert.strictEqual(direct(text)[0].speaker, 'Union leader Omar Sy');
  });

  it('leaves repeated words alone when two people said them', () => {
    const text = 'Rosa Diaz said the deal was “fair” to both sides.\n\nTom Berg said the offer was “fair” and should be signed.\n\nNot everyone thinks so: the union’s leaflet calls it “fair” only in jest.';
    assert.deepStrictEqual(direct(text).map((q) => q.speaker), ['Rosa Diaz', 'Tom Berg', null]);
  });
});

describe('reported speech', () => {
  function indirect(text: string): [string, string | null, string | null][] {
    return quotesOf(text)
      .filter((q) => q.kind === 'indirect')
      .map((q) => [q.text, q.speaker?.text ?? null, q.cue?.text ?? null]);
  }

  it('never takes a wire dateline for the speaker of the sentence it opens', () => {
    const text = [
      'HAMBURG, July 26 (Reuters) — Thomas Papadopoulos, the Greek deputy finance minister, said the central bank should reverse the changes.',
      'LAGOS (AFP) - Officials said the port would reopen on Monday.',
    ].join('\n\n');
    assert.deepStrictEqual(indirect(text), [
      ['the central bank should reverse the changes', 'Thomas Papadopoulos', 'said'],
      ['the port would reopen on Monday', 'Officials', 'said'],
    ]);
  });

  it('finds "X said (that) …", "…, X said", "according to X" and "X told reporters …"', () => {
    const text = [
      'The mayor said that the bridge would reopen before the holidays.',
      'Two people were injured in the collision, police said.',
      'According to the ministry, exports fell by a tenth in March.',
      'Coach Ann Lee told reporters the team would not change its tactics.',
      'The union believes the new contract protects younger workers.',
    ].join('\n\n');
    assert.deepStrictEqual(indirect(text), [
      ['the bridge would reopen before the holidays', 'The mayor', 'said'],
      ['Two people were injured in the collision', 'police', 'said'],
      ['exports fell by a tenth in March', 'the ministry', 'According to'],
      ['the team would not change its tactics', 'Coach Ann Lee', 'told'],
      ['the new contract protects younger workers', 'The union', 'believes'],
    ]);
  });

  it('lets a sentence-final "…, X said" report the whole clause, view verbs included', () => {
    const text = 'Farmers felt betrayed because the subsidy was cut overnight, said Jonas Vik, who leads the cooperative.';
    assert.deepStrictEqual(indirect(text), [['Farmers felt betrayed because the subsidy was cut overnight', 'Jonas Vik', 'said']]);
  });

  it('leaves the dateline out of reported words that open the story', () => {
    const lead = 'Ferry talks to resume\n\n';
    assert.deepStrictEqual(indirect(lead + 'OSLO — Talks on the ferry contract would resume next week, union officials said on Monday.'), [
      ['Talks on the ferry contract would resume next week', 'union officials', 'said'],
    ]);
    assert.deepStrictEqual(indirect(lead + 'OSLO (Reuters) - Talks on the ferry contract would resume next week, said Ann Lee, the mediator.'), [
      ['Talks on the ferry contract would resume next week', 'Ann Lee', 'said'],
    ]);
  });

  it('leaves a time adverb between the cue and "that" out of the content', () => {
    const text = 'The coach said Thursday that the team would appeal the ban.';
    assert.deepStrictEqual(indirect(text), [['the team would appeal the ban', 'The coach', 'said']]);
  });

  it('leaves a place or occasion between the cue and "that" out of the content', () => {
    const text = 'The envoy argued in Vienna on Monday that the ceasefire was holding.\n\nThe governor said at a press briefing that schools would reopen.';
    assert.deepStrictEqual(indirect(text), [
      ['the ceasefire was holding', 'The envoy', 'argued'],
      ['schools would reopen', 'The governor', 'said'],
    ]);
  });

  it('gives a second speaker with its own cue inside a report a report of its own', () => {
    const text = 'The council said the new tram line would cost about 40 million euros, which analysts say is far too low for a line of its length.';
    assert.deepStrictEqual(indirect(text), [
      ['the new tram line would cost about 40 million euros', 'The council', 'said'],
      ['is far too low for a line of its length', 'analysts', 'say'],
    ]);
  });

  it('starts a new report at a coordinated cue that shares the subject', () => {
    const text = 'The mayor said the budget leaves little room for new projects, but stressed that the libraries would stay open.';
    assert.deepStrictEqual(indirect(text), [
      ['the budget leaves little room for new projects', 'The mayor', 'said'],
      ['the libraries would stay open', 'The mayor', 'stressed'],
    ]);
  });

  it('reports the words after a "Name:" opening headline as that name’s', () => {
    const text = 'Senator Moss: Budget Plan Will Fail in the House\n\nThe budget plan faces a difficult vote next week.';
    assert.deepStrictEqual(indirect(text), [['Budget Plan Will Fail in the House', 'Senator Moss', null]]);
    assert.deepStrictEqual(indirect('Watch: Budget Plan Fails in the House\n\nThe budget plan failed on Tuesday.'), []);
  });

  it('reports a participle after a comma for the named subject that opens the sentence', () => {
    const text = 'OSLO (Reuters) — Finance Minister Kari Dahl visited a shipyard in Bergen on Monday, saying the new tax would hit only the largest firms.';
    assert.deepStrictEqual(indirect(text), [['the new tax would hit only the largest firms', 'Finance Minister Kari Dahl', 'saying']]);
    assert.deepStrictEqual(indirect('The board issued a short statement on Monday announcing the merger of the two banks.'), []);
  });

  it('reads the words after the cue as the report when an opening adverbial, not a clause, precedes the speaker', () => {
    const text = 'On its website, the company promises free repairs for two years.\n\nAnd yet, the mechanics say the repairs are rarely free.';
    assert.deepStrictEqual(indirect(text), [
      ['free repairs for two years', 'the company', 'promises'],
      ['the repairs are rarely free', 'the mechanics', 'say'],
    ]);
    assert.deepStrictEqual(indirect('The ferry will not sail before noon, the harbour master said on Friday.'), [
      ['The ferry will not sail before noon', 'the harbour master', 'said'],
    ]);
  });

  it('keeps a speaker that opens the reported clause nested in it', () => {
    const text = 'The minister said she believes the reform will pass before the summer.';
    assert.deepStrictEqual(indirect(text), [['she believes the reform will pass before the summer', 'The minister', 'said']]);
  });

  it('does not report the adverbial after a quote’s attribution as speech', () => {
    const text = '“We will rebuild the pier,” the mayor said at a meeting in the town hall.';
    assert.deepStrictEqual(indirect(text), []);
  });

  it('does not take a noun for a cue verb', () => {
    const text = 'Her late-night tweets drew criticism from several colleagues in the party.\n\nThe state of the roads remains poor across the region.';
    assert.deepStrictEqual(indirect(text), []);
  });
});

describe('the sample article', () => {
  const analysis = analyze(SAMPLE);
  const nameOf = (id: string | null): string | null => analysis.actors.find((a: Actor) => a.id === id)?.name ?? null;
  const byText = (needle: string): Quote => {
    const q = analysis.quotes.find((x) => x.kind !== 'indirect' && x.text.startsWith(needle));
    assert.ok(q, `no quote starting with ${needle}`);
    return q;
  };

  it('finds the broken paragraph with no opening mark and a left mark as closing mark', () => {
    const q = byText('We have no plans, no intention');
    assert.strictEqual(q.text, 'We have no plans, no intention to attack Ukraine, and there cannot be');
    assert.strictEqual(q.cue?.text, 'Said');
    assert.strictEqual(q.speaker?.text, 'Sergei Riabkov');
  });

  it('keeps the nested quote closed by a straight apostrophe inside the outer quote', () => {
    const q = byText('We would like the formula');
    assert.ok(q.text.endsWith("‘Ukraine and Georgia will never be members of the Atlantic Alliance,'"));
    assert.strictEqual(q.cue?.text, 'asserted');
  });

  it('leaves the headline scare quote without a speaker', () => {
    const q = byText('attacking');
    assert.strictEqual(q.kind, 'scare');
    assert.strictEqual(q.speaker, null);
  });

  it('attributes pronoun, role-noun and partial quotes to the right people', () => {
    for (const needle of ['great mistake', 'All operations', 'written in stone', 'absolute imperative', 'make concessions', 'In any case']) {
      assert.strictEqual(nameOf(byText(needle).speaker?.actor ?? null), 'Sergei Riabkov', needle);
    }
    assert.strictEqual(byText('great mistake').cue?.text, 'considered');
    assert.strictEqual(byText('absolute imperative').speaker?.text, 'The diplomat');
    assert.strictEqual(nameOf(byText('immediately').speaker?.actor ?? null), 'Vladimir Putin');
    assert.strictEqual(byText('immediately').cue?.text, 'demanded');
  });

  it('reports no quote from the page tail', () => {
    const tail = SAMPLE.indexOf('You may also like');
    assert.ok(analysis.quotes.every((q) => q.start < tail));
  });
});
