/**
 * Writes the bundled sample's "loop" files (examples/data/): what happens after the ranking.
 *
 * - `mentions.csv` — the day after the sample's as-of day, brand mentions as a listening tool exports them (authors by
 *   handle, post ids, replies threaded by `inReplyTo`): public criticism from strangers and from a quiet loyal
 *   customer, the brand's own answers, a private support ticket, a repeat complainer, and everyday praise and
 *   questions that are not criticism. `triage` orders them.
 * - `invitations.csv` — the invitations that triage's kits make (`invitationsOf`), as `triage --invitations-out`
 *   writes them.
 * - `responses.csv` — what the invited advocates posted in the next days: most answer in the thread (some forget the
 *   disclosure), a few post about the brand elsewhere on the platform, some do nothing; plus posts that are no answer
 *   (too late, another thread). `outcomes` matches them.
 *
 * Deterministic: the same sample gives the same files (every choice is a hash of the kit id). Run with
 * `npm run generate-loop` after regenerating the sample (`npm run generate-sample`), as it picks the sample's own
 * advocates and customers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { csvText, invitationsCsv, invitationsOf, loadData, prepareProfiles, rankProfiles, resolveOptions, score, triageCriticism, type CriticismInput } from "../src/index.js";

const dataDir = fileURLToPath(new URL("./data/", import.meta.url));
const BRAND = "Northwind Coffee";
/** How people name the brand in posts ("the Northwind app"). */
const BRAND_NAMES = [BRAND, "Northwind"];
const BRAND_HANDLE = "NorthwindCoffee";

/** A deterministic pseudo-random number in [0, 1) from a text (FNV-1a). */
function hashUnit(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

const { data, sourceNames } = await loadData({
  customers: `${dataDir}customers.csv`,
  purchases: `${dataDir}purchases.csv`,
  surveys: `${dataDir}surveys.csv`,
  social: `${dataDir}social.csv`,
});
const options = resolveOptions({ sourceNames, top: 100, brand: { names: BRAND_NAMES, handles: [BRAND_HANDLE] } });
const prepared = prepareProfiles(data, options);
const ranked = rankProfiles(prepared, options);
const asOf = new Date(`${ranked.asOf}T00:00:00Z`);
const at = (hours: number, minutes = 0): string => new Date(asOf.getTime() + (24 + hours) * 3_600_000 + minutes * 60_000).toISOString();

// A quiet loyal customer with a public handle: their complaint must not wait behind a loud stranger's.
const listed = new Set(ranked.advocates.map((advocate) => advocate.customerId));
const quietLoyal = [...prepared.profiles.values()]
  .filter((profile) => profile.handles.some(([platform]) => platform === "twitter") && !listed.has(profile.customerId))
  .map((profile) => ({ profile, scores: score(profile, ranked.model) }))
  .filter(({ scores }) => scores.voice.score < 0.2)
  .sort((a, b) => b.scores.loyalty.score - a.scores.loyalty.score || (a.profile.customerId < b.profile.customerId ? -1 : 1))[0];
if (quietLoyal === undefined) throw new Error("the sample has no quiet loyal customer with a Twitter handle");
const quietHandle = (quietLoyal.profile.handles.find(([platform]) => platform === "twitter")?.[1] ?? "").replace(/^@/, "");

const criticisms = JSON.parse(readFileSync(`${dataDir}criticism.json`, "utf8")) as CriticismInput[];
const [shipping, price, app] = criticisms;
if (shipping === undefined || price === undefined || app === undefined) throw new Error("criticism.json needs its three criticisms");

interface Mention {
  readonly platform: string;
  readonly type: string;
  readonly public: boolean;
  readonly postId: string;
  readonly inReplyTo?: string;
  readonly author: string;
  readonly date: string;
  readonly text: string;
  readonly reach: number;
  readonly engagement: number;
  readonly url?: string;
  /** The listening tool's own sentiment label, where it gave one (most rows: none, the library reads the text). */
  readonly sentiment?: string;
}
const mentions: Mention[] = [
  { platform: "support", type: "post", public: false, postId: "T-5012", author: "ticket-5012", date: at(7, 30), text: "I was charged twice for my June box and nobody has replied to my two emails. Please refund the second charge.", reach: 0, engagement: 0 },
  { platform: "reddit", type: "post", public: true, postId: "1dq8k2x", author: "u/beanbudget", date: at(8, 10), text: price.text, reach: 2400, engagement: 35, sentiment: "negative", ...(price.url === undefined ? {} : { url: price.url }) },
  { platform: "twitter", type: "post", public: true, postId: "1806512345678901234", author: "brewed_awakening", date: at(9, 5), text: shipping.text, reach: 18_500, engagement: 64, ...(shipping.url === undefined ? {} : { url: shipping.url }) },
  { platform: "twitter", type: "reply", public: true, postId: "1806512345678901301", inReplyTo: "1806512345678901234", author: "latte_larry", date: at(9, 40), text: "Same here, my order is a week late and nobody answers.", reach: 310, engagement: 2 },
  { platform: "twitter", type: "reply", public: true, postId: "1806512345678901388", inReplyTo: "1806512345678901234", author: BRAND_HANDLE, date: at(10, 30), text: "We're sorry for the wait. Please DM us your order number and we'll sort it out today.", reach: 52_000, engagement: 11 },
  { platform: "reviews", type: "review", public: true, postId: "88213", author: "pausedandcharged", date: at(10, 45), text: app.text, reach: 900, engagement: 4, ...(app.url === undefined ? {} : { url: app.url }) },
  { platform: "twitter", type: "post", public: true, postId: "1806512345678902001", author: quietHandle, date: at(11, 0), text: `@${BRAND_HANDLE} my last two bags arrived stale and the beans tasted flat. Not what I pay for.`, reach: 40, engagement: 0 },
  { platform: "twitter", type: "post", public: true, postId: "1806512345678902100", author: "angry_al", date: at(8, 0), text: `@${BRAND_HANDLE} worst coffee I have ever had. Never again.`, reach: 95_000, engagement: 210 },
  { platform: "twitter", type: "post", public: true, postId: "1806512345678902140", author: "angry_al", date: at(9, 15), text: `Still no answer from @${BRAND_HANDLE}. Terrible, terrible service.`, reach: 95_000, engagement: 120 },
  { platform: "twitter", type: "post", public: true, postId: "1806512345678902188", author: "angry_al", date: at(11, 30), text: `Avoid ${BRAND}. Awful beans and awful people.`, reach: 95_000, engagement: 98 },
  { platform: "twitter", type: "post", public: true, postId: "1806512345678902200", author: "morningpour", date: at(8, 45), text: `Does ${BRAND} ship to Ireland yet?`, reach: 700, engagement: 1 },
  { platform: "facebook", type: "post", public: true, postId: "fb-77120", author: "Priya N.", date: at(9, 50), text: `Lovely fresh bag from ${BRAND} this morning, the Ethiopian is wonderful.`, reach: 380, engagement: 9 },
];
const mentionColumns = ["platform", "type", "public", "postId", "inReplyTo", "author", "date", "text", "sentiment", "reach", "engagement", "url"] as const;
const rows = (records: readonly Record<string, unknown>[], columns: readonly string[]) => records.map((record) => columns.map((column) => (record[column] === undefined ? "" : String(record[column]))));
writeFileSync(`${dataDir}mentions.csv`, csvText(mentionColumns, rows(mentions as unknown as Record<string, unknown>[], mentionColumns)));

const facts = Papa.parse<Record<string, string>>(readFileSync(`${dataDir}facts.csv`, "utf8"), { header: true, skipEmptyLines: true }).data;
const triage = triageCriticism(mentions, ranked.model, {
  brand: { names: BRAND_NAMES, handles: [BRAND_HANDLE] },
  profiles: prepared.profiles,
  advocates: ranked.advocates,
  arm: { brand: BRAND, facts, maxPerThread: 3 },
});
const invitedAt = new Date(triage.now);
const invitations = triage.threads.flatMap((thread) => invitationsOf(thread.advocates, { threadId: thread.id, invitedAt, advocates: ranked.advocates }));
if (invitations.length === 0) throw new Error("triage armed no advocate: the loop has nothing to show");
writeFileSync(`${dataDir}invitations.csv`, invitationsCsv(invitations));

// What the invited did. Each choice is a hash of the kit id, so the files are stable.
const disclosure = `(Disclosure: ${BRAND} asked me to share my experience.)`;
const answers: Record<string, readonly string[]> = {
  shipping: ["Every box I've had from them arrived within two days, and support fixed the one late one the same day.", "I've had a subscription for years and deliveries are reliably quick for me. Hope yours turns up soon!"],
  price: ["Worked it out once: my subscription cup costs far less than a café coffee, and the beans are better.", "Worth it for me. Fresh beans every fortnight and the price hasn't gone up in ages."],
  quality: ["My bags have been fresh and full of flavour every time; roast dates are always within a week or two.", "Beans have been consistently great for me, and they replaced a bag I didn't like without any fuss."],
  app: ["Pausing through the website worked well for me when the app misbehaved, and support refunded a box I didn't want.", "The app has been fine for me lately, and their support sorted a billing mix-up quickly."],
};
const responses: Record<string, unknown>[] = [];
const sent = invitations.map((invitation) => ({ kitId: String(invitation.kitId), threadId: String(invitation.threadId), platform: String(invitation.platform), handle: invitation.handle === undefined ? undefined : String(invitation.handle) }));
for (const invitation of sent) {
  // Without a handle on the platform (a review site knows its reviewers by name), nothing can be matched to them.
  if (invitation.handle === undefined || invitation.handle === "") continue;
  const roll = hashUnit(invitation.kitId);
  const thread = triage.threads.find((candidate) => candidate.id === invitation.threadId);
  const topic = thread?.topics.find((candidate) => answers[candidate] !== undefined) ?? "shipping";
  const choices = answers[topic] ?? answers.shipping!;
  const text = choices[Math.floor(hashUnit(`${invitation.kitId}:text`) * choices.length)]!;
  const hours = 1 + Math.round(hashUnit(`${invitation.kitId}:hours`) * 40);
  const base = { platform: invitation.platform, public: true, author: invitation.handle, date: new Date(invitedAt.getTime() + hours * 3_600_000).toISOString(), reach: 200 + Math.round(hashUnit(`${invitation.kitId}:reach`) * 3_000), engagement: Math.round(hashUnit(`${invitation.kitId}:engagement`) * 25) };
  const rootPost = invitation.threadId.slice(invitation.platform.length + 1);
  if (roll < 0.5) responses.push({ ...base, type: "reply", postId: `r-${invitation.kitId}`, inReplyTo: rootPost, text: `${text} ${disclosure}` });
  else if (roll < 0.65) responses.push({ ...base, type: "reply", postId: `r-${invitation.kitId}`, inReplyTo: rootPost, text });
  else if (roll < 0.75) responses.push({ ...base, type: "post", postId: `p-${invitation.kitId}`, text: `Big fan of ${BRAND}: ${text} ${disclosure}` });
  // The rest do nothing: most invitations to real people go unanswered.
}
// Activity that is no answer: a post long after the window, and the brand's own follow-up.
const late = sent.find((invitation) => invitation.handle !== undefined && invitation.handle !== "")!;
responses.push({ platform: late.platform, public: true, type: "post", postId: `late-${late.kitId}`, author: late.handle ?? "", date: new Date(invitedAt.getTime() + 10 * 86_400_000).toISOString(), text: `Another good bag from ${BRAND} this week.`, reach: 300, engagement: 2 });
responses.push({ platform: "twitter", public: true, type: "reply", postId: "brand-follow-up", inReplyTo: "1806512345678901234", author: BRAND_HANDLE, date: new Date(invitedAt.getTime() + 5 * 3_600_000).toISOString(), text: "Your order is on its way with a free bag for the wait. Thanks for bearing with us.", reach: 52_000, engagement: 6 });
responses.sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a.postId).localeCompare(String(b.postId)));
const responseColumns = ["platform", "type", "public", "postId", "inReplyTo", "author", "date", "text", "reach", "engagement"] as const;
writeFileSync(`${dataDir}responses.csv`, csvText(responseColumns, rows(responses, responseColumns)));

console.log(`wrote mentions.csv (${mentions.length}), invitations.csv (${invitations.length}), responses.csv (${responses.length}) in ${dataDir}`);
