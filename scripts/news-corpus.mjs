// Generates realistic-looking English news articles from templates and name, place and quote pools,
// for benchmarks and scale tests. Deterministic for a given seed. Every sentence is composed here.
// Usage: node scripts/news-corpus.mjs [--bytes N] [--seed S] [--jsonl]   (writes to stdout)

/** mulberry32: a small, fast, seedable generator. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Maria', 'James', 'Aisha', 'Oleksandr', 'Mei', 'Carlos', 'Fatima', 'Henrik', 'Priya', 'Tomasz', 'Amara', 'Kenji',
  'Sofia', 'Ibrahim', 'Elena', 'David', 'Nadia', 'Rafael', 'Ingrid', 'Kwame', 'Lucía', 'Dmitri', 'Hana', 'Patrick',
  'Zeynep', 'Jonas', 'Chiara', 'Mohammed', 'Olga', 'Samuel', 'Yuki', 'Teresa', 'Arjun', 'Grace', 'Mateusz', 'Leila',
  'Thomas', 'Ngozi', 'François', 'Annalena', 'Björn', 'Siobhan', 'Diego', 'Ewa', 'Hassan', 'Rebecca', 'Viktor', 'Ana',
];
const SURNAMES = [
  'Kowalski', 'Okafor', 'Lindqvist', 'Moreno', 'Tanaka', 'Haddad', 'Petrenko', 'Fischer', 'Santos', 'Nakamura',
  'Brennan', 'Mensah', 'Rossi', 'Novak', 'Chen', 'García', 'Schmidt', 'Al-Rashid', 'Johansson', 'Dubois', 'Kapoor',
  "O'Connor", 'Van der Berg', 'Nguyen', 'Morales', 'Ivanova', 'Adeyemi', 'Bianchi', 'Eriksen', 'Hoffmann', 'Kaya',
  'Mwangi', 'Lefebvre', 'Sørensen', 'Papadopoulos', 'MacLeod', 'Da Silva', 'Yilmaz', 'Kovačević', 'Whitfield',
];
// Surnames composed from syllables, so that a large corpus keeps meeting new people, as real news does.
const SURNAME_STARTS = ['An', 'Bel', 'Cor', 'Dra', 'Ev', 'Fal', 'Gor', 'Hal', 'Ist', 'Jan', 'Kor', 'Lin', 'Mar', 'Nov', 'Or', 'Pet', 'Quin', 'Ros', 'Sel', 'Tor', 'Ul', 'Var', 'Wen', 'Yar', 'Zel'];
const SURNAME_MIDDLES = ['a', 'be', 'dal', 'en', 'gri', 'ka', 'lo', 'mi', 'nar', 'o', 'ra', 'si', 'tu', 'vel', 'za'];
const SURNAME_ENDINGS = ['ski', 'son', 'ov', 'ez', 'ini', 'berg', 'ou', 'escu', 'ić', 'ani', 'er', 'ton', 'ová', 'sen', 'idis', 'ashvili', 'oglu', 'ata'];
const COUNTRIES = [
  ['France', 'French', 'Paris'], ['Germany', 'German', 'Berlin'], ['Poland', 'Polish', 'Warsaw'], ['Kenya', 'Kenyan', 'Nairobi'],
  ['Brazil', 'Brazilian', 'Brasília'], ['Japan', 'Japanese', 'Tokyo'], ['India', 'Indian', 'New Delhi'], ['Canada', 'Canadian', 'Ottawa'],
  ['Ukraine', 'Ukrainian', 'Kyiv'], ['Turkey', 'Turkish', 'Ankara'], ['Nigeria', 'Nigerian', 'Abuja'], ['Mexico', 'Mexican', 'Mexico City'],
  ['Spain', 'Spanish', 'Madrid'], ['Italy', 'Italian', 'Rome'], ['Sweden', 'Swedish', 'Stockholm'], ['Australia', 'Australian', 'Canberra'],
  ['South Africa', 'South African', 'Pretoria'], ['Indonesia', 'Indonesian', 'Jakarta'], ['Egypt', 'Egyptian', 'Cairo'], ['Chile', 'Chilean', 'Santiago'],
];
const CITIES = ['Geneva', 'Brussels', 'New York', 'Vienna', 'Nairobi', 'Singapore', 'Istanbul', 'Rotterdam', 'Marseille', 'Lagos', 'Osaka', 'Gdańsk', 'Valparaíso', 'Mombasa', 'Hamburg', 'Lyon'];
const ORGANIZATIONS = [
  ['the United Nations', 'UN'], ['the World Health Organization', 'WHO'], ['the European Commission', null], ['NATO', null],
  ['the International Monetary Fund', 'IMF'], ['the World Bank', null], ['the African Union', 'AU'], ['Amnesty International', null],
  ['the Red Cross', null], ['the European Central Bank', 'ECB'], ['the World Trade Organization', 'WTO'], ['Médecins Sans Frontières', 'MSF'],
  ['the International Energy Agency', 'IEA'], ['the Organization for Security and Co-operation in Europe', 'OSCE'],
];
const COMPANIES = ['Nordvik Energy', 'Halden Steel', 'Meridian Logistics', 'Corvale Pharmaceuticals', 'Tessaro Motors', 'Bluewater Shipping', 'Arclight Telecom', 'Granite Peak Mining'];
const UNIONS = ['the Transport Workers Union', 'the National Teachers Federation', 'the Dockworkers Association', 'the Nurses Union'];
const OUTLETS = ['Reuters', 'AFP', 'AP', 'the BBC', 'Al Jazeera', 'Le Monde', 'Der Spiegel'];
const ROLES = [
  'foreign minister', 'finance minister', 'health minister', 'prime minister', 'interior minister', 'spokesperson', 'deputy foreign minister',
  'chief negotiator', 'central bank governor', 'opposition leader', 'mayor', 'chief executive', 'union leader', 'senior economist', 'ambassador',
];
const ROLE_NOUNS = { 'foreign minister': 'the minister', 'finance minister': 'the minister', 'health minister': 'the minister', 'prime minister': 'the prime minister', 'interior minister': 'the minister', spokesperson: 'the spokesperson', 'deputy foreign minister': 'the diplomat', 'chief negotiator': 'the negotiator', 'central bank governor': 'the governor', 'opposition leader': 'the opposition leader', mayor: 'the mayor', 'chief executive': 'the executive', 'union leader': 'the union leader', 'senior economist': 'the economist', ambassador: 'the ambassador' };
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const TOPICS = [
  {
    name: 'ceasefire',
    headline: ['{P} rejects calls for border talks as shelling continues', 'Ceasefire talks in {CITY} end without agreement', '{C1} and {C2} agree to resume negotiations next week'],
    claims: ['there will be no withdrawal while the shelling continues', 'we came here to listen, not to make concessions', 'every day without a ceasefire costs lives', 'the other side has not shown any serious intention to negotiate', 'our position has not changed since the first round'],
    partial: ['constructive but difficult', 'a step in the right direction', 'absolutely unacceptable', 'a red line', 'deeply worrying'],
    demands: ['withdraw its troops from the border', 'allow humanitarian convoys into the city', 'release all prisoners of war', 'return to the negotiating table', 'stop targeting civilian infrastructure'],
    background: ['The talks are the third round since the fighting resumed in the spring.', 'More than {N} people have been displaced by the fighting, according to aid agencies.', 'Observers from {ORG} reported {N} violations of the truce overnight.', 'The two delegations met for about {H} hours behind closed doors.'],
  },
  {
    name: 'economy',
    headline: ['Inflation eases in {C1} as energy prices fall', '{ORG} cuts growth forecast for {C1}', 'Central bank holds rates steady amid weak demand'],
    claims: ['inflation is coming down, but it is not yet where we want it to be', 'households are still feeling the squeeze', 'we will not hesitate to act if the outlook worsens', 'the labour market remains remarkably resilient', 'this is not the time to loosen the budget'],
    partial: ['premature', 'a soft landing', 'stubbornly high', 'broadly on track', 'a painful adjustment'],
    demands: ['cut interest rates before the end of the year', 'extend the energy subsidies for low-income families', 'publish a credible plan to reduce the deficit', 'raise the minimum wage in line with prices', 'protect pensions from the spending cuts'],
    background: ['Consumer prices rose {PCT} percent in {MONTH} from a year earlier, down from {PCT} percent the month before.', 'The bank raised its key rate {NUM} times last year.', 'Unemployment stood at {PCT} percent in the third quarter.', 'Government bond yields fell after the announcement.'],
  },
  {
    name: 'health',
    headline: ['Hospitals in {C1} brace for winter surge', '{ORG} warns of measles outbreaks in {REGION}', 'Vaccine rollout to begin in {CITY} next month'],
    claims: ['our hospitals are already running at full capacity', 'the vaccine is safe and it works', 'we are seeing more children admitted than at any point last year', 'prevention is far cheaper than treatment', 'staff are exhausted after three difficult winters'],
    partial: ['under enormous pressure', 'a wake-up call', 'entirely preventable', 'a matter of weeks', 'the worst in a decade'],
    demands: ['hire more nurses before the winter', 'make the vaccine free for everyone over sixty', 'publish the waiting-list figures every week', 'fund the emergency departments properly', 'reopen the rural clinics that closed last year'],
    background: ['The number of hospital admissions rose by {PCT} percent last week.', 'About {N} doses have been delivered so far.', 'Health officials recorded {NUM} new cases on {DAY}.', 'The ministry said it would review the figures on {DAY}.'],
  },
  {
    name: 'strike',
    headline: ['Port workers in {CITY} walk out over pay', 'Rail strike disrupts travel across {C1}', 'Union and employers fail to reach deal in pay dispute'],
    claims: ['our members have not had a real pay rise in five years', 'we do not want to strike, but we have been left with no choice', 'the offer on the table is fair and affordable', 'passengers should not be made to pay for this dispute', 'the door remains open for talks'],
    partial: ['insulting', 'a fair deal', 'reckless', 'the last resort', 'completely out of touch'],
    demands: ['come back with a better offer', 'guarantee that no jobs will be cut', 'suspend the strike while talks continue', 'reverse the changes to shift patterns', 'pay the overtime owed since March'],
    background: ['About {N} workers took part in the walkout, according to the union.', 'Only {PCT} percent of scheduled trains ran on {DAY}.', 'The dispute has lasted {NUM} months.', 'Talks are due to resume at the conciliation service on {DAY}.'],
  },
  {
    name: 'climate',
    headline: ['Floods force thousands from their homes in {REGION}', '{C1} pledges to close coal plants by 2035', 'Climate talks in {CITY} stall over finance'],
    claims: ['the science is clear and the time for excuses is over', 'we have lost everything, our house, our crops, our animals', 'rich countries must keep the promises they made', 'we are building the defences as fast as we can', 'this will be remembered as the year the water came'],
    partial: ['unprecedented', 'a climate emergency', 'too little, too late', 'historic', 'a broken promise'],
    demands: ['double the funding for adaptation', 'stop approving new oil and gas fields', 'compensate the families who lost their homes', 'publish a timetable for the coal phase-out', 'rebuild the river defences before the next season'],
    background: ['Rainfall in the region was {PCT} percent above the seasonal average.', 'Rescue teams evacuated {N} people on {DAY}.', 'The agreement covers {NUM} countries and takes effect next year.', 'Damage to farmland has been estimated at {MONEY}.'],
  },
  {
    name: 'courts',
    headline: ['Court blocks {C1} deportation flights', 'Former minister goes on trial in {CITY}', 'Judges order inquiry into police conduct'],
    claims: ['nobody is above the law', 'my client has always maintained his innocence', 'we respect the decision of the court and will study it carefully', 'the evidence speaks for itself', 'the families deserve answers'],
    partial: ['politically motivated', 'a victory for justice', 'seriously flawed', 'without merit', 'a dark day'],
    demands: ['release the full report to the public', 'suspend the officers involved pending the inquiry', 'drop all charges against the protesters', 'apologise to the families', 'hand over the documents within thirty days'],
    background: ['The trial is expected to last {NUM} weeks.', 'The ruling can be appealed within {NUM} days.', 'Prosecutors say the scheme cost taxpayers {MONEY}.', 'The hearing was adjourned until {DAY}.'],
  },
];
const REGIONS = ['the north', 'the south-east', 'East Africa', 'the Balkans', 'South Asia', 'the Andes', 'the Sahel', 'Central Europe'];

const SAY_AFTER = ['said', 'told reporters', 'added', 'insisted', 'warned', 'stressed', 'argued', 'explained', 'noted', 'acknowledged', 'told {OUTLET}', 'said in a statement', 'wrote on social media'];
const SAY_INVERTED = ['said', 'said', 'said', 'added', 'warned', 'insisted', 'explained'];
const SHARED_BACKGROUND = [
  'Shares in {COMPANY} fell {PCT} percent in early trading.', '{UNION} said it represented about {N} members.',
  'The announcement came a day after {ORG} published its quarterly report.', 'A spokesperson for {COMPANY} declined to comment.',
  'The meeting in {CITY} was the first of its kind since {MONTH}.', 'Officials in {CITY} did not respond to a request for comment.',
];
const SAY_BEFORE = ['said', 'told reporters', 'said in a statement', 'told {OUTLET}', 'added', 'said on {DAY}', 'told a news conference in {CITY}', 'wrote in a letter to members'];
const INDIRECT = ['said that', 'warned that', 'claimed that', 'insisted that', 'admitted that', 'denied that', 'told {OUTLET} that', 'argued that'];
const DEMAND_FRAMES = [
  '{A} called on {B} to {D}.', '{A} urged {B} to {D}.', '{A} demanded that {B} {D}.', '{A} asked {B} to {D}.',
  '{B} must {D}, {A} said.', '{A} said {B} should {D}.', 'In a letter to {B}, {A} requested that it {D}.', '{A} pressed {B} to {D}, {W}.',
];
const WHEN = ['according to people familiar with the talks', 'officials said', 'two diplomats said', 'in a statement issued late on {DAY}', 'in a speech to parliament'];
const ASIDES = ['Read more: {H}', 'Live updates: {H}', '{H}', 'Analysis: {H}', 'Watch: {H}'];
const TAILS = [
  ['You may also like', 'Share this article', 'Sign up for our morning newsletter'],
  ['Related stories', 'Comments', 'Most read'],
  ['Advertisement', 'Reporting by {BYLINE}; editing by {BYLINE2}', '© 2025 All rights reserved.'],
  ['Follow us', 'Recommended for you', 'Share on Facebook'],
];
const INLINE_FURNITURE = ['Advertisement', 'Story continues below advertisement', 'Share this', 'Listen to this article'];
const QUOTE_STYLES = [
  ['“', '”', '‘', '’'],
  ['"', '"', "'", "'"],
  ['«', '»', '“', '”'],
];

/** Composes articles one at a time from a seeded generator. */
export class NewsGenerator {
  constructor(seed = 1) {
    this.rand = seededRandom(seed);
  }

  pick(list) {
    return list[Math.floor(this.rand() * list.length)];
  }

  chance(p) {
    return this.rand() < p;
  }

  int(lo, hi) {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }

  person() {
    const first = this.pick(FIRST_NAMES);
    const last = this.chance(0.6) ? this.pick(SURNAME_STARTS) + this.pick(SURNAME_MIDDLES) + this.pick(SURNAME_ENDINGS) : this.pick(SURNAMES);
    const middle = this.chance(0.08) ? ` ${String.fromCharCode(65 + this.int(0, 25))}.` : '';
    const [country, demonym] = this.pick(COUNTRIES);
    const role = this.pick(ROLES);
    return { full: `${first}${middle} ${last}`, last, role, demonym, country, roleNoun: ROLE_NOUNS[role], pronoun: this.chance(0.5) ? 'she' : 'he' };
  }

  fill(template, article) {
    return template.replace(/\{([A-Z0-9]+)\}/g, (_, key) => {
      switch (key) {
        case 'P': return article.people[0].full;
        case 'C1': return article.countries[0][0];
        case 'C2': return article.countries[1][0];
        case 'CITY': return article.city;
        case 'ORG': return article.org[0].replace(/^the /, 'The ');
        case 'REGION': return this.pick(REGIONS);
        case 'OUTLET': return this.pick(OUTLETS);
        case 'DAY': return this.pick(WEEKDAYS);
        case 'MONTH': return this.pick(MONTHS);
        case 'N': return this.int(1, 950).toLocaleString('en-US') + (this.chance(0.5) ? ',000' : '');
        case 'NUM': return String(this.int(2, 40));
        case 'H': return String(this.int(2, 14));
        case 'PCT': return `${this.int(1, 12)}.${this.int(0, 9)}`;
        case 'MONEY': return `$${this.int(2, 900)} million`;
        case 'COMPANY': return article.company;
        case 'UNION': return cap(article.union, true);
        case 'BYLINE': return `${this.pick(FIRST_NAMES)} ${this.pick(SURNAMES)}`;
        case 'BYLINE2': return `${this.pick(FIRST_NAMES)} ${this.pick(SURNAMES)}`;
        default: return key;
      }
    });
  }

  /** How a person is named after the first mention: surname, role noun or pronoun. */
  /** `subject`: the reference is followed by its verb, so a first mention may take an appositive title. */
  refer(article, person, sentenceStart, { pronoun = true, subject = true } = {}) {
    const r = this.rand();
    if (!article.introduced.has(person)) {
      article.introduced.add(person);
      const title = `${person.demonym} ${person.role}`;
      return subject && this.chance(0.5) ? `${person.full}, ${this.chance(0.5) ? 'the' : 'a'} ${title},` : `${cap(title, sentenceStart)} ${person.full}`;
    }
    if (r < 0.55) return person.last;
    if (r < 0.8 || !pronoun) return cap(person.roleNoun, sentenceStart);
    return cap(person.pronoun, sentenceStart);
  }

  quote(article, text) {
    const [open, close] = article.style;
    return `${open}${text}${close}`;
  }

  claim(article) {
    const claim = this.pick(article.topic.claims);
    if (this.chance(0.15)) {
      const [, , innerOpen, innerClose] = article.style;
      return `${cap(claim, true)}, and as we said in ${article.city}, ${innerOpen}${this.pick(article.topic.partial)}${innerClose} is not a policy`;
    }
    return cap(claim, true);
  }

  paragraph(article) {
    const person = this.pick(article.people);
    const other = this.pick(article.people);
    const t = article.topic;
    const [, close] = article.style;
    const r = this.rand();
    if (r < 0.16) {
      const name = this.refer(article, person, false, { pronoun: false, subject: false });
      return `${this.quote(article, `${this.claim(article)},`)} ${this.pick(SAY_INVERTED)} ${name}.`;
    }
    if (r < 0.26) {
      const name = this.refer(article, person, false);
      return `${this.quote(article, `${this.claim(article)},`)} ${name} ${this.fill(this.pick(SAY_AFTER), article)}.`;
    }
    if (r < 0.36) {
      const name = this.refer(article, person, true);
      return `${name} ${this.fill(this.pick(SAY_BEFORE), article)}: ${this.quote(article, `${this.claim(article)}.`)}`;
    }
    if (r < 0.44) {
      const name = this.refer(article, person, false);
      return `${this.quote(article, `${this.claim(article)},`)} ${name} said. ${this.quote(article, `${this.claim(article)}.`)}`;
    }
    if (r < 0.54) {
      const name = this.refer(article, person, true);
      const partial = this.pick(t.partial);
      return `${name} described the situation as ${this.quote(article, partial)}, adding that ${this.pick(t.claims).replace(/\bwe\b/g, 'they').replace(/\bour\b/g, 'their')}.`;
    }
    if (r < 0.63) {
      const name = this.refer(article, person, true);
      return `${name} ${this.fill(this.pick(INDIRECT), article)} ${this.pick(t.claims).replace(/\bwe\b/g, 'the government').replace(/\bour\b/g, 'its')}.`;
    }
    if (r < 0.76) {
      const frame = this.pick(DEMAND_FRAMES);
      const holder = this.refer(article, person, frame.startsWith('{A}'), { subject: frame.startsWith('{A}') || frame.startsWith('In') });
      const addressee = this.chance(0.5) ? article.org[0] : other === person ? article.countries[1][0] : this.refer(article, other, false, { pronoun: false, subject: false });
      const text = frame
        .replace('{A}', holder)
        .replace('{B}', cap(addressee, frame.startsWith('{B}')))
        .replace('{D}', this.pick(t.demands))
        .replace('{W}', this.fill(this.pick(WHEN), article));
      return this.fill(text, article);
    }
    if (r < 0.8) {
      return `According to ${this.refer(article, person, false, { pronoun: false, subject: false })}, ${this.pick(t.claims).replace(/\bwe\b/g, 'the authorities').replace(/\bour\b/g, 'their')}.`;
    }
    if (r < 0.83 && close !== '"') {
      // A missing space after the closing mark, as news sites print it after copy-editing tools.
      return `${this.quote(article, this.claim(article))}Said ${person.full}, ${person.demonym} ${person.role}, at a press conference in ${article.city}.`;
    }
    const sentences = [];
    for (let i = this.int(1, 3); i > 0; i--) sentences.push(this.fill(this.pick(this.chance(0.25) ? SHARED_BACKGROUND : t.background), article));
    return sentences.join(' ');
  }

  /** One article. `pageTail`: end with the page furniture a news site prints below a story. */
  article({ pageTail = true } = {}) {
    const topic = this.pick(TOPICS);
    const countries = [this.pick(COUNTRIES), this.pick(COUNTRIES)];
    const people = [];
    for (let i = this.int(2, 4); i > 0; i--) people.push(this.person());
    const article = {
      topic,
      countries,
      people,
      city: this.pick(CITIES),
      org: this.pick(ORGANIZATIONS),
      company: this.pick(COMPANIES),
      union: this.pick(UNIONS),
      style: this.pick(QUOTE_STYLES),
      introduced: new Set(),
    };
    const paragraphs = [this.fill(this.pick(topic.headline), article)];
    if (this.chance(0.4)) paragraphs.push(`By ${this.fill('{BYLINE}', article)}`);
    const dateline = this.chance(0.5) ? `${article.city.toUpperCase()}, ${this.pick(MONTHS)} ${this.int(1, 28)} (${this.pick(OUTLETS).replace(/^the /, '')}) — ` : '';
    const count = this.int(6, 16);
    for (let i = 0; i < count; i++) {
      let p = this.paragraph(article);
      if (i === 0) p = dateline + p;
      paragraphs.push(p);
      if (i > 2 && i < count - 2 && this.chance(0.06)) {
        const otherTopic = this.pick(TOPICS);
        paragraphs.push(this.fill(this.pick(ASIDES).replace('{H}', this.pick(otherTopic.headline)), article));
      }
    }
    if (!pageTail && this.chance(0.2)) paragraphs.splice(this.int(2, paragraphs.length - 1), 0, this.pick(INLINE_FURNITURE));
    if (pageTail && this.chance(0.7)) for (const line of this.pick(TAILS)) paragraphs.push(this.fill(line, article));
    return paragraphs.join(this.chance(0.1) ? '\r\n\r\n' : '\n\n');
  }

  /**
   * Articles separated by blank lines, as in a wire digest, until the text reaches `bytes` UTF-8 bytes.
   * Page tails are left out: in one text, the first "You may also like" would make the rest page furniture.
   */
  corpus(bytes) {
    const parts = [];
    let size = 0;
    while (size < bytes) {
      const a = this.article({ pageTail: false });
      parts.push(a);
      size += Buffer.byteLength(a) + 2;
    }
    return parts.join('\n\n') + '\n';
  }
}

function cap(s, sentenceStart) {
  return sentenceStart ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** A corpus of about `bytes` UTF-8 bytes. */
export function newsCorpus(bytes, seed = 1) {
  return new NewsGenerator(seed).corpus(bytes);
}

/** `count` separate articles. */
export function newsArticles(count, seed = 1) {
  const g = new NewsGenerator(seed);
  return Array.from({ length: count }, () => g.article());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
  const bytes = Number(arg('--bytes', 1_000_000));
  const seed = Number(arg('--seed', 1));
  if (process.argv.includes('--jsonl')) {
    const g = new NewsGenerator(seed);
    let size = 0;
    for (let id = 1; size < bytes; id++) {
      const line = JSON.stringify({ id, text: g.article() }) + '\n';
      size += Buffer.byteLength(line);
      process.stdout.write(line);
    }
  } else {
    process.stdout.write(newsCorpus(bytes, seed));
  }
}
