/**
 * Generates the bundled sample data set in `examples/data/`: about 3,000 customers of "Northwind Coffee", a
 * fictional coffee subscription and café brand, as the CSV files the library reads.
 *
 *   customers.csv  customerId,name,email,optedOut,consent,handles.twitter,handles.reddit,handles.facebook,lastInvitedAt
 *   purchases.csv  customerId,date,amount,orderId,product,category,returned
 *   surveys.csv    customerId,date,nps,csat,answers.affective,answers.love,answers.identity,comment
 *   social.csv     customerId,date,platform,type,public,mentionsBrand,text,sentiment,reach,engagement,repliesToCriticism
 *   facts.csv      id,topic,claim,source            (checked brand facts that talking points may cite)
 *   criticism.json [{ platform, text, topic, url, date }]   (public criticism advocates may be armed to answer)
 *
 * Why: the demo, the quickstart and the docs need data that contains every kind of customer the library must tell
 * apart — true advocates, silent loyalists, vocal critics, lapsed ("claimed") promoters, spurious (habit/price)
 * loyals, big-reach accounts that never mention the brand, one-time big spenders, opted-out look-alike advocates,
 * consent and contact cool-down cases, and purchase-only customer IDs — hidden in a crowd of ordinary customers
 * (90-9-1 shape: most never post). Each archetype is a small named function below; `ARCHETYPE_COUNTS` sets how many.
 * Dates run from 2023-01-01 to 2026-06-30, and the latest event in the whole data set is exactly 2026-06-30, so
 * the library's default `asOf` (the latest event date) is that day.
 *
 * Deterministic: no wall clock and no Math.random. Randomness comes from mulberry32 (a small 32-bit PRNG, inlined
 * below), seeded per customer from `SEED` and the customer's index, so output is byte-identical on every run and
 * changing one archetype does not reshuffle every other customer. Files are written with csv-stringify (LF endings).
 *
 * Regenerate (overwrites examples/data/):
 *
 *   npx tsx examples/generate-sample.ts        (or: npm run generate-sample)
 *
 * Check it is reproducible: run it twice and compare `sha256sum examples/data/*`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { stringify } from "csv-stringify/sync";

const SEED = 20260630;
const OUT_DIR = fileURLToPath(new URL("./data/", import.meta.url));

// ---------------------------------------------------------------------------------------------------------------
// Randomness

/** A seeded source of randomness: mulberry32 plus the few draws the generator needs. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** Log-normal with the given median: heavy-tailed counts such as follower numbers. */
  logNormal(median: number, sigma: number): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    const gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * gaussian);
  }

  /** Log-uniform in [min, max]: every order of magnitude equally likely. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.float(Math.log(min), Math.log(max)));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  }
}

/** Each customer gets an independent stream, so archetypes do not disturb each other's draws. */
function customerRng(index: number): Rng {
  return new Rng(SEED ^ Math.imul(index + 1, 0x9e3779b1));
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar (days since 1970-01-01, UTC; never the wall clock)

const DAY_MS = 86_400_000;
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const iso = (d: number): string => new Date(d * DAY_MS).toISOString().slice(0, 10);

const START = day("2023-01-01");
const END = day("2026-06-30");
const clampDay = (d: number): number => Math.min(END, Math.max(START, Math.round(d)));

// ---------------------------------------------------------------------------------------------------------------
// Row types (every cell already formatted as text; "" is an absent value)

interface CustomerRow {
  customerId: string;
  name: string;
  email: string;
  optedOut: string;
  consent: string;
  "handles.twitter": string;
  "handles.reddit": string;
  "handles.facebook": string;
  lastInvitedAt: string;
}

interface PurchaseRow {
  customerId: string;
  date: string;
  amount: string;
  orderId: string;
  product: string;
  category: string;
  returned: string;
}

interface SurveyRow {
  customerId: string;
  date: string;
  nps: string;
  csat: string;
  "answers.affective": string;
  "answers.love": string;
  "answers.identity": string;
  comment: string;
}

interface SocialRow {
  customerId: string;
  date: string;
  platform: Platform;
  type: SocialType;
  public: string;
  mentionsBrand: string;
  text: string;
  sentiment: string;
  reach: string;
  engagement: string;
  repliesToCriticism: string;
}

type Platform = "twitter" | "reddit" | "facebook" | "reviews";
type SocialType = "post" | "reply" | "comment" | "review" | "share";
type Tone = "positive" | "neutral" | "negative";

/** Everything generated for one customer. */
interface CustomerData {
  customer?: CustomerRow;
  purchases: PurchaseRow[];
  surveys: SurveyRow[];
  social: SocialRow[];
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogue and texts

interface Product {
  readonly name: string;
  readonly category: "subscription" | "beans" | "cafe" | "equipment" | "gift" | "merch" | "bulk";
  readonly price: readonly [min: number, max: number];
}

const SUBSCRIPTIONS: readonly Product[] = [
  { name: "House Blend subscription", category: "subscription", price: [18.5, 18.5] },
  { name: "Single Origin subscription", category: "subscription", price: [24, 24] },
  { name: "Espresso subscription", category: "subscription", price: [21, 21] },
];
const BEANS: readonly Product[] = [
  { name: "Espresso Roast 1kg", category: "beans", price: [32, 32] },
  { name: "Decaf Colombia 250g", category: "beans", price: [9.5, 9.5] },
  { name: "Ethiopia Yirgacheffe 250g", category: "beans", price: [12, 12] },
  { name: "Brazil Santos 500g", category: "beans", price: [15.5, 15.5] },
];
const CAFE: Product = { name: "Cafe visit", category: "cafe", price: [3.2, 14.9] };
const EXTRAS: readonly Product[] = [
  { name: "Pour-over kit", category: "equipment", price: [45, 45] },
  { name: "Reusable cup", category: "merch", price: [15, 15] },
  { name: "Gift box", category: "gift", price: [55, 55] },
  { name: "Burr grinder", category: "equipment", price: [129, 129] },
];
const BIG_TICKETS: readonly Product[] = [
  { name: "Northwind Pro espresso machine", category: "equipment", price: [649, 649] },
  { name: "Office bulk order 10kg", category: "bulk", price: [380, 460] },
  { name: "Corporate gift hampers", category: "gift", price: [300, 1200] },
  { name: "Barista course + grinder bundle", category: "equipment", price: [279, 279] },
];

const FIRST_NAMES = [
  "Olivia", "Liam", "Amelia", "Noah", "Isla", "Oliver", "Ava", "Arjun", "Mia", "Leo", "Sofia", "Mateo", "Grace",
  "Ethan", "Chloe", "Lucas", "Hannah", "Kwame", "Priya", "Jack", "Zoe", "Daniel", "Freya", "Omar", "Ella", "Samuel",
  "Aisha", "Thomas", "Lily", "Hiro", "Emily", "Diego", "Ruby", "Felix", "Nora", "Ibrahim", "Maya", "Henry", "Ines",
  "George", "Yuki", "Oscar", "Leila", "Max", "Anna", "Tom", "Sara", "Ben", "Fatima", "Luca",
] as const;
const LAST_NAMES = [
  "Smith", "Jones", "Patel", "Brown", "Taylor", "Wilson", "Nguyen", "Evans", "Khan", "Roberts", "Walker", "Wright",
  "Garcia", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Martin", "Clarke", "Okafor", "Lewis",
  "Harris", "Jackson", "Kim", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Lopez", "Baker", "Rossi",
  "Murphy", "Kelly", "Singh", "Silva", "Chen", "Adams", "Bell", "Fischer", "Mensah", "Young", "Scott", "Reid", "Price",
] as const;
const EMAIL_DOMAINS = ["example.com", "example.org", "example.net"] as const;

/** Survey comments by tone; each mentions a topic (shipping, price, support, quality, the app, sustainability). */
const SURVEY_COMMENTS: Readonly<Record<Tone, readonly string[]>> = {
  positive: [
    "Beans are always fresh and shipping is quick. Love it.",
    "Great quality coffee and friendly support whenever I need them.",
    "The subscription is excellent value and the app makes it easy to manage.",
    "Best coffee I have had at home, and delivery is always reliable.",
    "Really happy with the roasts, and I like the compostable bags.",
    "Support sorted a delivery problem in minutes. Brilliant service.",
    "Fantastic espresso roast, worth every penny.",
    "The café staff are lovely and the flat white is perfect.",
    "I love the new app, pausing a delivery takes two taps.",
    "Consistently great beans, fair price and fast shipping.",
  ],
  neutral: [
    "Coffee is as expected. Delivery usually on time.",
    "It does the job. I mostly stay for the price.",
    "Shipping takes a few days. Coffee is standard.",
    "I buy it because it is convenient and near my office.",
    "The house blend is okay for everyday drinking.",
    "Price is similar to the supermarket, taste is similar too.",
    "Not much to say, the subscription just arrives.",
    "The app works. I rarely use it.",
  ],
  negative: [
    "Shipping was late twice this month and nobody answered my emails. Awful.",
    "Too expensive for what you get. The last bag tasted stale. Bad value.",
    "The app keeps crashing when I try to pause my subscription. Frustrating.",
    "Poor quality lately, the beans taste burnt and bitter.",
    "Refund took weeks. Disappointed with the service.",
    "Prices went up again and the quality went down. Bad value.",
    "My parcel was lost and nobody helped. Terrible support.",
  ],
};

/** Public posts about the brand, by tone. */
const BRAND_POSTS: Readonly<Record<Tone, readonly string[]>> = {
  positive: [
    "Third year on the @NorthwindCoffee subscription and the beans are still fresh and delicious every time.",
    "Northwind's Ethiopia roast is the best coffee I've had at home. Love it.",
    "Shout-out to Northwind Coffee support: a bag went missing and they sent a new one the same day. Great service.",
    "My Northwind box arrived a day early again. Fast, reliable and the roast is excellent.",
    "Honestly Northwind is great value for the quality. Cheaper than my local café and better beans.",
    "Love that Northwind bags are fully compostable now. Good coffee, less plastic.",
    "The new Northwind app makes swapping a delivery so easy. Nice update!",
    "Sunday morning, Northwind flat white, happy.",
    "Visited the Northwind café in town today. Friendly staff and a perfect cortado.",
    "If you want good beans delivered, Northwind Coffee is the one. Highly recommend.",
  ],
  neutral: [
    "Picked up a bag of Northwind house blend on the way home.",
    "Anyone tried the Northwind decaf? Thinking of switching.",
    "Northwind subscription renewed for another year.",
    "The Northwind café on Market Street now opens at 7.",
    "Ordered the Northwind espresso roast again, mostly for the price.",
    "Does Northwind ship to Ireland yet?",
  ],
  negative: [
    "Third time my Northwind Coffee order is late. Tracking says delivered, nothing here. Terrible.",
    "Northwind just raised the subscription price again. Overpriced for what you get. Ridiculous.",
    "Waited 9 days for anyone at Northwind support to reply. Awful service.",
    "The last two bags from @NorthwindCoffee tasted stale. Really disappointed, what a waste of money.",
    "Northwind app crashed at checkout and charged me twice. Annoying, and no help from support.",
    "Still waiting on my Northwind refund three weeks later. Not good enough.",
    "Northwind talks about sustainability but my parcel came wrapped in plastic. Really disappointing, bad look.",
    "Do not buy the Northwind grinder, mine broke after a month. Useless.",
    "Cancelled my Northwind subscription. Worst customer service I have dealt with.",
  ],
};

/** Positive public replies to someone else's criticism of the brand: what a defender writes. */
const DEFENCES: readonly string[] = [
  "Honestly my beans always arrive in two days, @northwind support sorted a mix-up for me fast. Really happy with them.",
  "Sorry that happened, but in three years my Northwind orders have never been late. Support are really helpful.",
  "Not my experience at all. Northwind's price per cup beats any café and the quality is excellent.",
  "I had a refund issue once and Northwind fixed it within a day. Great team, give them a chance.",
  "The app had a bug last month but the update fixed it for me. Still love the subscription.",
  "Their bags are home-compostable, I checked. Northwind is genuinely one of the better ones on sustainability.",
];

/** Public posts that never mention the brand (big-reach accounts, and ordinary people's everyday posts). */
const OFF_BRAND_POSTS: ReadonlyArray<readonly [text: string, tone: Tone]> = [
  ["New video is up: 10 underrated hiking trails in the Lake District.", "neutral"],
  ["Thread on what I learned launching a side project in 30 days.", "neutral"],
  ["Matchday! Who's watching the derby tonight?", "neutral"],
  ["Giveaway time: share this to win a signed copy of my new cookbook.", "positive"],
  ["Morning run done, 10k in the rain. Feeling great.", "positive"],
  ["Hot take: most productivity apps are just to-do lists with a subscription.", "neutral"],
  ["Just landed in Lisbon. Recommendations for food?", "neutral"],
  ["Quick guide to camera settings for golden hour portraits.", "neutral"],
  ["Sourdough attempt number four. Getting there.", "neutral"],
  ["The new season of that detective show is brilliant, no spoilers please.", "positive"],
  ["Working from the library today, so quiet.", "neutral"],
  ["Ranking every pasta shape, a thread nobody asked for.", "neutral"],
  ["Electric bike review after 1,000 miles.", "neutral"],
  ["Today's episode: how to negotiate your first salary.", "neutral"],
];

const TYPES_BY_PLATFORM: Readonly<Record<Platform, readonly SocialType[]>> = {
  twitter: ["post", "reply", "share"],
  reddit: ["post", "comment", "reply"],
  facebook: ["post", "comment", "share"],
  reviews: ["review"],
};

// ---------------------------------------------------------------------------------------------------------------
// Archetypes

const ARCHETYPE_COUNTS = {
  trueAdvocate: 60,
  silentLoyalist: 150,
  vocalCritic: 80,
  lapsedPromoter: 80,
  spuriousLoyal: 100,
  bigReachNoMention: 60,
  oneTimeBigSpender: 60,
  optedOutAdvocate: 40,
  purchaseOnly: 30,
  ordinary: 2340,
} as const;

type Archetype = keyof typeof ARCHETYPE_COUNTS;

/** A customer being generated: who they are, their archetype and their own random stream. */
interface Person {
  readonly id: string;
  readonly index: number;
  readonly archetype: Archetype;
  readonly rng: Rng;
  readonly first: string;
  readonly last: string;
  readonly handles: Partial<Record<"twitter" | "reddit" | "facebook", string>>;
  /** Indices within the archetype decide the exact consent / invitation / opt-out flags. */
  readonly rank: number;
}

// ---- purchases ----

function money(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

function purchase(person: Person, date: number, product: Product, returnRate = 0.015): PurchaseRow {
  const { rng } = person;
  const [min, max] = product.price;
  // Occasional discount codes on subscriptions; café tickets vary; big tickets vary within their range.
  let amount = min === max ? min : rng.float(min, max);
  if (product.category === "subscription" && rng.chance(0.1)) amount *= 0.85;
  const returned = product.category !== "cafe" && rng.chance(returnRate);
  return {
    customerId: person.id,
    date: iso(clampDay(date)),
    amount: money(amount),
    orderId: "", // numbered later, in date order
    product: product.name,
    category: product.category,
    returned: returned ? "true" : "false",
  };
}

/** A product in the usual mix for someone with a subscription habit. */
function habitualProduct(rng: Rng, favourite: Product): Product {
  const roll = rng.next();
  if (roll < 0.72) return favourite;
  if (roll < 0.85) return rng.pick(BEANS);
  if (roll < 0.96) return CAFE;
  return rng.pick(EXTRAS);
}

/** A casual basket: café visits, a bag of beans, sometimes a subscription box or an extra. */
function casualProduct(rng: Rng): Product {
  const roll = rng.next();
  if (roll < 0.4) return CAFE;
  if (roll < 0.75) return rng.pick(BEANS);
  if (roll < 0.92) return rng.pick(SUBSCRIPTIONS);
  return rng.pick(EXTRAS);
}

/** Regular buying from `first` to `last`, about every `meanGap` days (walked backwards so `last` is kept). */
function regularPurchases(person: Person, first: number, last: number, meanGap: number, choose: () => Product): PurchaseRow[] {
  const rows: PurchaseRow[] = [];
  for (let d = last; d >= first; d -= Math.max(3, Math.round(person.rng.float(0.5, 1.5) * meanGap))) {
    rows.push(purchase(person, d, choose()));
  }
  return rows.reverse();
}

/** `count` purchases spread at random between `first` and `last`. */
function scatteredPurchases(person: Person, count: number, first: number, last: number, choose: () => Product): PurchaseRow[] {
  const days = Array.from({ length: count }, () => person.rng.int(Math.round(first), Math.round(last))).sort((a, b) => a - b);
  return days.map((d) => purchase(person, d, choose()));
}

// ---- surveys ----

const clampScale = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(value)));

interface SurveyProfile {
  readonly nps: readonly [number, number];
  /** Centre of the 1–5 answers (CSAT and the scale items). */
  readonly mood: number;
  readonly tone: Tone;
}

function survey(person: Person, date: number, profile: SurveyProfile): SurveyRow {
  const { rng } = person;
  const item = (): string => (rng.chance(0.75) ? String(clampScale(profile.mood + rng.float(-0.9, 0.9), 1, 5)) : "");
  return {
    customerId: person.id,
    date: iso(clampDay(date)),
    nps: rng.chance(0.93) ? String(rng.int(profile.nps[0], profile.nps[1])) : "",
    csat: rng.chance(0.7) ? String(clampScale(profile.mood + rng.float(-0.7, 0.7), 1, 5)) : "",
    "answers.affective": item(),
    "answers.love": item(),
    "answers.identity": item(),
    comment: rng.chance(0.6) ? rng.pick(SURVEY_COMMENTS[profile.tone]) : "",
  };
}

const PROMOTER: SurveyProfile = { nps: [9, 10], mood: 4.7, tone: "positive" };
const LUKEWARM: SurveyProfile = { nps: [4, 7], mood: 3, tone: "neutral" };
const DETRACTOR: SurveyProfile = { nps: [0, 5], mood: 1.7, tone: "negative" };

/** What an ordinary customer answers: a realistic spread of detractors, passives and promoters. */
function ordinarySurveyProfile(rng: Rng): SurveyProfile {
  const roll = rng.next();
  if (roll < 0.25) return { nps: [0, 6], mood: 2.3, tone: rng.chance(0.7) ? "negative" : "neutral" };
  if (roll < 0.65) return { nps: [7, 8], mood: 3.6, tone: rng.chance(0.6) ? "neutral" : "positive" };
  return { nps: [9, 10], mood: 4.4, tone: "positive" };
}

/** `count` surveys between `first` and `last`. */
function surveys(person: Person, count: number, first: number, last: number, profile: SurveyProfile): SurveyRow[] {
  const days = Array.from({ length: count }, () => person.rng.int(Math.round(first), Math.round(last))).sort((a, b) => a - b);
  return days.map((d) => survey(person, d, profile));
}

// ---- social ----

function sentimentCell(rng: Rng, tone: Tone): string {
  // About half the rows carry a sentiment score from an upstream tool; the rest leave it for the library to compute.
  if (!rng.chance(0.5)) return "";
  const value = tone === "positive" ? rng.float(0.4, 0.92) : tone === "negative" ? rng.float(-0.92, -0.4) : rng.float(-0.04, 0.04);
  return (Math.round(value * 100) / 100 + 0).toFixed(2);
}

interface PostSpec {
  readonly platform: Platform;
  readonly date: number;
  readonly text: string;
  readonly tone: Tone;
  readonly mentionsBrand: boolean;
  readonly followers: number;
  readonly type?: SocialType;
  readonly repliesToCriticism?: boolean;
  readonly isPublic?: boolean;
}

function socialRow(person: Person, spec: PostSpec): SocialRow {
  const { rng } = person;
  // Reach is the follower count at the time: it drifts a little from post to post.
  const reach = Math.max(0, Math.round(spec.followers * rng.float(0.93, 1.07)));
  const engagement = Math.round(reach * rng.logNormal(0.012, 0.9));
  return {
    customerId: person.id,
    date: iso(clampDay(spec.date)),
    platform: spec.platform,
    type: spec.type ?? rng.pick(TYPES_BY_PLATFORM[spec.platform]),
    public: spec.isPublic === false ? "false" : "true",
    mentionsBrand: spec.mentionsBrand ? "true" : "false",
    text: spec.text,
    sentiment: sentimentCell(rng, spec.tone),
    reach: String(reach),
    engagement: String(engagement),
    repliesToCriticism: spec.repliesToCriticism === true ? "true" : "false",
  };
}

/** Platforms a person posts on; each gets a matching handle in the CRM record. */
function choosePlatforms(person: Person, options: readonly Platform[], count: number): Platform[] {
  const chosen = person.rng.shuffle([...options]).slice(0, count);
  for (const platform of chosen) if (platform !== "reviews") giveHandle(person, platform);
  return chosen;
}

function giveHandle(person: Person, platform: "twitter" | "reddit" | "facebook"): void {
  if (person.handles[platform] !== undefined) return;
  const base = `${person.first}${person.last.slice(0, 3)}`.toLowerCase();
  const suffix = String(person.index % 1000);
  person.handles[platform] =
    platform === "twitter" ? `@${base}_${suffix}` : platform === "reddit" ? `u/${base}${suffix}` : `${person.first}.${person.last}.${suffix}`.toLowerCase();
}

function brandPosts(person: Person, count: number, platforms: readonly Platform[], first: number, last: number, tone: () => Tone, followers: number): SocialRow[] {
  const { rng } = person;
  return Array.from({ length: count }, () => {
    const t = tone();
    return socialRow(person, {
      platform: rng.pick(platforms),
      date: rng.int(first, last),
      text: rng.pick(BRAND_POSTS[t]),
      tone: t,
      mentionsBrand: true,
      followers,
    });
  });
}

function offBrandPosts(person: Person, count: number, platforms: readonly Platform[], first: number, last: number, followers: number): SocialRow[] {
  const { rng } = person;
  return Array.from({ length: count }, () => offBrandRow(person, rng.pick(platforms), rng.int(first, last), followers));
}

function offBrandRow(person: Person, platform: Platform, date: number, followers: number, isPublic = true): SocialRow {
  const [text, tone] = person.rng.pick(OFF_BRAND_POSTS);
  return socialRow(person, { platform, date, text, tone, mentionsBrand: false, followers, isPublic });
}

// ---- the archetypes themselves ----

/** Buys every few weeks for years, a promoter, posts publicly and warmly about the brand, defends it. */
function trueAdvocate(person: Person): CustomerData {
  const { rng } = person;
  const favourite = rng.pick(SUBSCRIPTIONS);
  const first = rng.int(START, day("2024-03-31"));
  // The very first advocate anchors the data set's latest event on 2026-06-30.
  const last = person.rank === 0 ? END : END - rng.int(0, 35);
  const purchases = regularPurchases(person, first, last, rng.int(26, 48), () => habitualProduct(rng, favourite));
  const surveyRows = surveys(person, rng.int(2, 4), first + 60, END - 5, PROMOTER);
  const platforms = choosePlatforms(person, ["twitter", "reddit", "facebook", "reviews"], rng.int(1, 3));
  const followers = Math.round(Math.min(25_000, Math.max(250, rng.logNormal(1800, 0.8))));
  const social = brandPosts(person, rng.int(4, 10), platforms, first + 90, END, () => (rng.chance(0.85) ? "positive" : "neutral"), followers);
  if (rng.chance(0.45)) {
    const answerOn = platforms.filter((p) => p !== "reviews");
    const answerPlatforms: Platform[] = answerOn.length > 0 ? answerOn : choosePlatforms(person, ["twitter", "reddit"], 1);
    for (let i = rng.int(1, 3); i > 0; i -= 1) {
      const platform = rng.pick(answerPlatforms);
      social.push(
        socialRow(person, {
          platform,
          type: platform === "reddit" ? "comment" : "reply",
          date: rng.int(END - 400, END),
          text: rng.pick(DEFENCES),
          tone: "positive",
          mentionsBrand: true,
          followers,
          repliesToCriticism: true,
        }),
      );
    }
  }
  if (rng.chance(0.3)) {
    const everyday = platforms.filter((p) => p !== "reviews");
    social.push(...offBrandPosts(person, rng.int(1, 3), everyday.length > 0 ? everyday : choosePlatforms(person, ["twitter"], 1), first, END, followers));
  }
  return { purchases, surveys: surveyRows, social };
}

/** Buys as often as an advocate and scores as a promoter, but says nothing about the brand in public. */
function silentLoyalist(person: Person): CustomerData {
  const { rng } = person;
  const favourite = rng.pick(SUBSCRIPTIONS);
  const first = rng.int(START, day("2024-06-30"));
  const purchases = regularPurchases(person, first, END - rng.int(0, 40), rng.int(26, 50), () => habitualProduct(rng, favourite));
  const profile: SurveyProfile = rng.chance(0.85) ? PROMOTER : { nps: [8, 10], mood: 4.3, tone: "positive" };
  const surveyRows = surveys(person, rng.int(1, 3), first + 60, END - 5, profile);
  const social: SocialRow[] = [];
  if (rng.chance(0.25)) {
    const platforms = choosePlatforms(person, ["twitter", "facebook", "reddit"], 1);
    const followers = Math.round(rng.logNormal(220, 1));
    social.push(...offBrandPosts(person, rng.int(1, 3), platforms, first, END, followers));
    // A handful keep their Facebook posts to friends only.
    if (platforms[0] === "facebook" && rng.chance(0.3)) {
      social.push(socialRow(person, { platform: "facebook", date: rng.int(END - 300, END), text: rng.pick(BRAND_POSTS.positive), tone: "positive", mentionsBrand: true, followers, isPublic: false }));
    }
  }
  return { purchases, surveys: surveyRows, social };
}

/** Buys now and then, a detractor, posts often and negatively in public; some have a large audience. */
function vocalCritic(person: Person): CustomerData {
  const { rng } = person;
  const first = rng.int(START, day("2025-01-31"));
  const purchases = scatteredPurchases(person, rng.int(2, 8), first, END - rng.int(20, 300), () => casualProduct(rng));
  const surveyRows = surveys(person, rng.int(1, 2), first + 30, END - 5, DETRACTOR);
  const platforms = choosePlatforms(person, ["twitter", "reddit", "facebook", "reviews"], rng.int(1, 3));
  if (!platforms.some((p) => p === "twitter" || p === "reddit")) platforms.push(...choosePlatforms(person, ["twitter", "reddit"], 1));
  const followers = Math.round(rng.chance(0.2) ? rng.logUniform(20_000, 300_000) : rng.logNormal(600, 1.1));
  const social = brandPosts(person, rng.int(6, 16), platforms, Math.max(first, END - 540), END, () => (rng.chance(0.88) ? "negative" : "neutral"), followers);
  return { purchases, surveys: surveyRows, social };
}

/** Said 9–10 once, then stopped buying 1.5+ years ago: a claimed promoter whose loyalty has lapsed. */
function lapsedPromoter(person: Person): CustomerData {
  const { rng } = person;
  const lastBuy = rng.int(START + 60, END - 550);
  const first = Math.max(START, lastBuy - rng.int(0, 200));
  const purchases = scatteredPurchases(person, rng.int(1, 3), first, lastBuy, () => casualProduct(rng));
  const surveyRows = surveys(person, rng.int(1, 2), first, lastBuy + 60, PROMOTER);
  const social: SocialRow[] = [];
  if (rng.chance(0.25)) {
    const platforms = choosePlatforms(person, ["twitter", "facebook", "reviews"], 1);
    social.push(...brandPosts(person, rng.int(1, 2), platforms, first, lastBuy + 30, () => "positive", Math.round(rng.logNormal(300, 1))));
  }
  return { purchases, surveys: surveyRows, social };
}

/** Buys a lot out of habit or for the price, but is lukewarm at best when asked. */
function spuriousLoyal(person: Person): CustomerData {
  const { rng } = person;
  const first = rng.int(START, day("2024-09-30"));
  const cheapest = SUBSCRIPTIONS[0] as Product;
  const purchases = regularPurchases(person, first, END - rng.int(0, 45), rng.int(24, 45), () => (rng.chance(0.85) ? cheapest : rng.pick(BEANS)));
  const profile: SurveyProfile = rng.chance(0.7) ? LUKEWARM : { nps: [2, 6], mood: 2.6, tone: "neutral" };
  const surveyRows = surveys(person, rng.int(1, 3), first + 60, END - 5, profile);
  const social: SocialRow[] = [];
  if (rng.chance(0.1)) {
    const platforms = choosePlatforms(person, ["facebook", "twitter"], 1);
    social.push(...brandPosts(person, 1, platforms, first, END, () => "neutral", Math.round(rng.logNormal(200, 1))));
  }
  return { purchases, surveys: surveyRows, social };
}

/** An influencer-sized account (100k–2M followers) that posts a lot in public but never about the brand. */
function bigReachNoMention(person: Person): CustomerData {
  const { rng } = person;
  const first = rng.int(START, day("2025-06-30"));
  const purchases = scatteredPurchases(person, rng.int(1, 4), first, END - rng.int(5, 200), () => casualProduct(rng));
  const surveyRows = rng.chance(0.3) ? surveys(person, 1, first, END - 5, ordinarySurveyProfile(rng)) : [];
  const platforms = choosePlatforms(person, ["twitter", "reddit"], rng.int(1, 2));
  const followers = Math.round(rng.logUniform(100_000, 2_000_000));
  const social = offBrandPosts(person, rng.int(8, 20), platforms, END - 400, END, followers);
  return { purchases, surveys: surveyRows, social };
}

/** One large order (an espresso machine, a bulk office order, corporate gifts) and nothing since. */
function oneTimeBigSpender(person: Person): CustomerData {
  const { rng } = person;
  const date = rng.int(START, END - 14);
  const purchases = [purchase(person, date, rng.pick(BIG_TICKETS), 0.05)];
  const surveyRows = rng.chance(0.4) ? surveys(person, 1, date + 7, Math.min(END, date + 45), { nps: [6, 10], mood: 4, tone: rng.chance(0.6) ? "positive" : "neutral" }) : [];
  return { purchases, surveys: surveyRows, social: [] };
}

/** Looks exactly like a true advocate but objected to profiling and marketing: must never be ranked. */
function optedOutAdvocate(person: Person): CustomerData {
  return trueAdvocate(person);
}

/** A customer ID known only from the order system: no CRM record, no survey, no social activity. */
function purchaseOnly(person: Person): CustomerData {
  const { rng } = person;
  const first = rng.int(START, END - 30);
  return { purchases: scatteredPurchases(person, rng.int(1, 6), first, END, () => casualProduct(rng)), surveys: [], social: [] };
}

/** Most customers: 1–10 purchases, half answer one survey, one in ten posts a little (90-9-1), a few post a lot. */
function ordinary(person: Person): CustomerData {
  const { rng } = person;
  const first = rng.int(START, END - 20);
  const last = Math.min(END, first + Math.round(rng.logNormal(250, 1)));
  let count = 1; // geometric: about half buy once, a long thin tail up to 10
  while (count < 10 && rng.chance(0.58)) count += 1;
  const purchases = scatteredPurchases(person, count, first, last, () => casualProduct(rng));
  const surveyRows = rng.chance(0.5) ? surveys(person, 1, first, Math.min(END, last + 30), ordinarySurveyProfile(rng)) : [];
  const social: SocialRow[] = [];
  const heavy = rng.chance(0.01);
  if (heavy || rng.chance(0.09)) {
    const options: Platform[] = ["twitter", "reddit", "facebook", "reviews"];
    const platforms = rng.chance(0.7) ? choosePlatforms(person, options, rng.int(1, 2)) : rng.shuffle([...options]).slice(0, 1);
    const followers = Math.round(rng.logNormal(250, 1.3));
    const isPublic = !rng.chance(0.04);
    for (let i = heavy ? rng.int(6, 15) : rng.int(1, 4); i > 0; i -= 1) {
      const platform = rng.pick(platforms);
      const date = rng.int(first, END);
      if (!rng.chance(0.45)) {
        social.push(offBrandRow(person, platform, date, followers, isPublic));
        continue;
      }
      const tone = rng.pick<Tone>(["positive", "positive", "neutral", "neutral", "negative"]);
      social.push(socialRow(person, { platform, date, text: rng.pick(BRAND_POSTS[tone]), tone, mentionsBrand: true, followers, isPublic }));
    }
  }
  return { purchases, surveys: surveyRows, social };
}

const GENERATORS: Readonly<Record<Archetype, (person: Person) => CustomerData>> = {
  trueAdvocate,
  silentLoyalist,
  vocalCritic,
  lapsedPromoter,
  spuriousLoyal,
  bigReachNoMention,
  oneTimeBigSpender,
  optedOutAdvocate,
  purchaseOnly,
  ordinary,
};

// ---------------------------------------------------------------------------------------------------------------
// CRM flags: consent, opt-out, invitations

/** Consent by archetype rank: [ranks below this get consent=true, ranks below this (after) get consent=false]. */
const CONSENT_QUOTAS: Partial<Record<Archetype, { readonly yes: number; readonly no: number }>> = {
  trueAdvocate: { yes: 30, no: 15 },
  silentLoyalist: { yes: 60, no: 35 },
  lapsedPromoter: { yes: 10, no: 10 },
  optedOutAdvocate: { yes: 8, no: 0 }, // said yes once, opted out later: the opt-out wins
};

/** Invitations by archetype rank: the first `recent` ranks were invited within 60 days, the next `old` long ago. */
const INVITE_QUOTAS: Partial<Record<Archetype, { readonly recent: number; readonly old: number }>> = {
  trueAdvocate: { recent: 10, old: 12 },
  silentLoyalist: { recent: 12, old: 15 },
  vocalCritic: { recent: 0, old: 3 },
  lapsedPromoter: { recent: 2, old: 10 },
  ordinary: { recent: 6, old: 10 },
};

function customerRow(person: Person): CustomerRow {
  const { rng, rank, archetype } = person;
  // Consent and invitation quotas are filled from a shuffled order of ranks, so they do not line up with each other.
  const consentRank = (rank * 37 + 11) % ARCHETYPE_COUNTS[archetype];
  const consentQuota = CONSENT_QUOTAS[archetype];
  const consent = consentQuota === undefined ? "" : consentRank < consentQuota.yes ? "true" : consentRank < consentQuota.yes + consentQuota.no ? "false" : "";
  const invite = INVITE_QUOTAS[archetype];
  const lastInvitedAt =
    invite === undefined || rank >= invite.recent + invite.old ? "" : rank < invite.recent ? iso(END - rng.int(3, 58)) : iso(END - rng.int(150, 900));
  const optedOut = archetype === "optedOutAdvocate" ? "true" : rng.chance(0.12) ? "" : "false";
  const name = rng.chance(0.02) ? "" : `${person.first} ${person.last}`;
  const email = rng.chance(0.05) ? "" : `${person.first}.${person.last}${person.index + 1}@${rng.pick(EMAIL_DOMAINS)}`.toLowerCase();
  return {
    customerId: person.id,
    name,
    email,
    optedOut,
    consent,
    "handles.twitter": person.handles.twitter ?? "",
    "handles.reddit": person.handles.reddit ?? "",
    "handles.facebook": person.handles.facebook ?? "",
    lastInvitedAt,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Brand facts and sample criticism

const FACTS = [
  { id: "F-SHIP-1", topic: "shipping", claim: "Orders ship within 24 hours on weekdays", source: "Fulfilment SLA 2026" },
  { id: "F-SHIP-2", topic: "shipping", claim: "94% of UK subscription boxes arrived within 2 working days in 2025", source: "Courier performance report 2025" },
  { id: "F-PRICE-1", topic: "price", claim: "A subscription cup of House Blend costs about 37p, against £3.40 for a café flat white", source: "Pricing page, June 2026" },
  { id: "F-PRICE-2", topic: "price", claim: "Subscription prices have been unchanged since March 2025", source: "Price history, finance team" },
  { id: "F-SUP-1", topic: "support", claim: "Support answers e-mails within 4 working hours on average", source: "Support dashboard, H1 2026" },
  { id: "F-SUP-2", topic: "support", claim: "Customer support is staffed 7 days a week, 8am to 8pm", source: "Help centre: contact us" },
  { id: "F-QUAL-1", topic: "quality", claim: "Every batch is roasted to order and shipped within 3 days of roasting", source: "Roastery process guide" },
  { id: "F-QUAL-2", topic: "quality", claim: "Beans are specialty grade, scoring 84+ on the SCA cupping scale", source: "Green coffee buying policy 2026" },
  { id: "F-SUS-1", topic: "sustainability", claim: "Coffee bags are certified home-compostable", source: "TÜV OK compost HOME certificate" },
  { id: "F-SUS-2", topic: "sustainability", claim: "All green coffee is bought at or above Fairtrade minimum prices", source: "Sourcing report 2025" },
  { id: "F-APP-1", topic: "app", claim: "Deliveries can be paused, skipped or swapped in the app up to 24 hours before dispatch", source: "App release notes 4.2" },
  { id: "F-REF-1", topic: "refunds", claim: "Refunds for damaged or lost parcels are issued within 48 hours, no return needed", source: "Refund policy, section 3" },
] as const;

const CRITICISMS = [
  {
    platform: "twitter",
    text: "Ordered from @NorthwindCoffee 8 days ago and still no delivery. Late again, and support takes forever to reply.",
    topic: "shipping",
    url: "https://twitter.com/brewed_awakening/status/1806512345678901234",
    date: "2026-06-28",
  },
  {
    platform: "reddit",
    text: "Is Northwind Coffee worth the price? £24 a month for two bags feels overpriced when supermarket beans are half that.",
    topic: "price",
    url: "https://www.reddit.com/r/Coffee/comments/1dq8k2x/is_northwind_coffee_worth_the_price/",
    date: "2026-06-22",
  },
  {
    platform: "reviews",
    text: "The Northwind app crashed every time I tried to pause my subscription, so I got charged for a box I didn't want.",
    topic: "app",
    url: "https://reviews.example.com/northwind-coffee/r/88213",
    date: "2026-06-15",
  },
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Assembly and output

function buildPeople(): Person[] {
  const total = Object.values(ARCHETYPE_COUNTS).reduce((sum, n) => sum + n, 0);
  // Archetypes are shuffled over the IDs, so C0001… does not reveal who is who.
  const labels: Archetype[] = [];
  for (const [archetype, count] of Object.entries(ARCHETYPE_COUNTS) as Array<[Archetype, number]>) {
    for (let i = 0; i < count; i += 1) labels.push(archetype);
  }
  new Rng(SEED).shuffle(labels);
  const ranks = new Map<Archetype, number>();
  return Array.from({ length: total }, (_, index) => {
    const archetype = labels[index] as Archetype;
    const rank = ranks.get(archetype) ?? 0;
    ranks.set(archetype, rank + 1);
    const rng = customerRng(index);
    return {
      id: `C${String(index + 1).padStart(4, "0")}`,
      index,
      archetype,
      rng,
      first: rng.pick(FIRST_NAMES),
      last: rng.pick(LAST_NAMES),
      handles: {},
      rank,
    };
  });
}

function byDateThenCustomer(a: { date: string; customerId: string }, b: { date: string; customerId: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0;
}

function writeCsv<Row extends object>(file: string, columns: ReadonlyArray<keyof Row & string>, rows: readonly Row[]): void {
  const text = stringify(rows as Row[], { header: true, columns: [...columns], record_delimiter: "unix" });
  writeFileSync(`${OUT_DIR}${file}`, text);
  console.log(`${file.padEnd(16)} ${String(rows.length).padStart(6)} rows  ${String(Buffer.byteLength(text)).padStart(8)} bytes`);
}

function main(): void {
  const people = buildPeople();
  const customers: CustomerRow[] = [];
  const purchases: PurchaseRow[] = [];
  const surveyRows: SurveyRow[] = [];
  const social: SocialRow[] = [];
  for (const person of people) {
    const data = GENERATORS[person.archetype](person);
    if (person.archetype !== "purchaseOnly") customers.push(customerRow(person));
    purchases.push(...data.purchases);
    surveyRows.push(...data.surveys);
    social.push(...data.social);
  }
  purchases.sort(byDateThenCustomer);
  purchases.forEach((row, i) => (row.orderId = `NW${100001 + i}`));
  surveyRows.sort(byDateThenCustomer);
  social.sort(byDateThenCustomer);

  const latest = [purchases, surveyRows, social].flat().reduce((max, row) => (row.date > max ? row.date : max), "");
  if (latest !== iso(END)) throw new Error(`the latest event is ${latest}, expected ${iso(END)}`);

  mkdirSync(OUT_DIR, { recursive: true });
  writeCsv<CustomerRow>("customers.csv", ["customerId", "name", "email", "optedOut", "consent", "handles.twitter", "handles.reddit", "handles.facebook", "lastInvitedAt"], customers);
  writeCsv<PurchaseRow>("purchases.csv", ["customerId", "date", "amount", "orderId", "product", "category", "returned"], purchases);
  writeCsv<SurveyRow>("surveys.csv", ["customerId", "date", "nps", "csat", "answers.affective", "answers.love", "answers.identity", "comment"], surveyRows);
  writeCsv<SocialRow>("social.csv", ["customerId", "date", "platform", "type", "public", "mentionsBrand", "text", "sentiment", "reach", "engagement", "repliesToCriticism"], social);
  writeCsv<(typeof FACTS)[number]>("facts.csv", ["id", "topic", "claim", "source"], FACTS);
  writeFileSync(`${OUT_DIR}criticism.json`, `${JSON.stringify(CRITICISMS, null, 2)}\n`);
  console.log(`criticism.json   ${String(CRITICISMS.length).padStart(6)} items`);
  console.log(`archetypes: ${Object.entries(ARCHETYPE_COUNTS).map(([name, n]) => `${name}=${n}`).join(", ")}`);
}

main();
