/**
 * Realistic news fragments written for the hardening tests: headlines, quotes in several styles,
 * reporting verbs, demands, asides and page furniture. Shuffled and mixed by the property tests.
 */
export const NEWS_FRAGMENTS: readonly string[] = [
  'Port workers in Rotterdam walk out over pay',
  '“We do not want to strike, but we have been left with no choice,” said Kees Vermeulen, general secretary of the Dockworkers Association.',
  'The union said about 4,000 members took part in the walkout on Tuesday.',
  'Vermeulen told reporters outside the terminal: “The offer on the table is an insult to people who kept this port running through the pandemic.”',
  'A spokesperson for Meridian Logistics said the company had made “a fair and affordable offer” and urged the union to suspend the strike while talks continue.',
  'The transport minister, Ilse de Wit, called on both sides to return to the negotiating table.',
  '"Passengers should not be made to pay for this dispute," she said in a statement.',
  'Advertisement',
  'Read more: Rail strike disrupts travel across the Netherlands',
  'GENEVA, March 4 (Reuters) — Talks between the two delegations ended without agreement late on Monday.',
  '«Nous ne ferons aucune concession», a déclaré le ministre.',
  'The ambassador described the meeting as ‘constructive but difficult’, adding that a second round was likely.',
  '“There will be no withdrawal while the shelling continues,” the deputy foreign minister said. “Our position has not changed.”',
  'According to two diplomats familiar with the talks, the sides agreed to exchange prisoners of war.',
  'Amnesty International demanded that the authorities release all detained protesters and allow independent monitors into the region.',
  'The health minister warned that hospitals were “already running at full capacity” and asked the government to hire more nurses before the winter.',
  'Dr. Amara Mensah, who leads the emergency department at St. Mary’s Hospital, said staff were exhausted.',
  'U.S. Treasury Secretary Janet Moreno met officials from the IMF and the World Bank in Washington on Friday.',
  'The European Central Bank (ECB) held its key rate at 3.75 percent, as expected.',
  '“Inflation is coming down, but it is not yet where we want it to be,” ECB President Christine Lagarde told a news conference in Frankfurt.',
  'Shares in Halden Steel fell 4.2% in early trading.',
  'He insisted that the plan was “broadly on track”.',
  'They said the decision was politically motivated.',
  '“My client has always maintained his innocence,” said Elena Rossi, the lawyer representing former minister Paolo Bianchi. “We will appeal.”',
  'The court ordered the ministry to hand over the documents within 30 days.',
  'In a letter to the prime minister, 40 MPs urged him to publish the full report.',
  'Mayor Kwame Osei said the city would rebuild the river defences “as fast as we can”.',
  'Floods force thousands from their homes in the south-east',
  '— Reporting by Ingrid Lindqvist in Stockholm; editing by Tomasz Nowak',
  'You may also like',
  'Share this article',
  '© 2025 All rights reserved.',
  'WASHINGTON, Jan 12 — The Senate voted 52-48 on Thursday to confirm the nominee.',
  '“We insist,” he said, “that the formula adopted in 2008 be withdrawn.”',
  'The minister’s spokesperson, Ana García, said: "The door remains open for talks."',
  'Lindqvist said Stockholm had “no intention” of leaving the talks, but warned the other side against “reckless” steps.',
  'Protesters chanted “No more cuts!” outside parliament.',
  'The so-called “peace plan” was rejected within hours.',
  'Ms. O’Connor, 54, declined to comment.',
  'AFP contributed reporting from Paris and Nairobi.',
];

export const SEPARATORS: readonly string[] = ['\n\n', '\n', ' ', '\r\n\r\n', '\r\n', '\r\r', '\n \n', '\n\n\n\n'];

/** About `chars` characters of news made by cycling through the fragments in a fixed order. */
export function newsText(chars: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const fragment = NEWS_FRAGMENTS[(i * 7) % NEWS_FRAGMENTS.length];
    parts.push(fragment);
    size += fragment.length + 2;
  }
  return parts.join('\n\n');
}
