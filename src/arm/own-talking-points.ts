import type { CustomerProfile, ItemCount } from "../profile/customer-profile.js";
import { dayToIso } from "../profile/day.js";
import { compareText } from "../profile/order.js";
import { citeRecord, type TalkingPoint } from "./citation.js";
import { detectTopics, DEFAULT_TOPICS } from "../text/topics.js";
import { verbatimThemes } from "../text/themes.js";
import { isConfidentlyFavourable, toneNote, type ToneEvidence } from "../text/tone/tone-trust.js";
import type { QuotedTone } from "./citation.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function monthYear(day: number): string {
  const iso = dayToIso(day);
  return `${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ""} ${iso.slice(0, 4)}`;
}

function quotedTone(tone: ToneEvidence): QuotedTone {
  const given = tone.sentimentGiven === true || tone.sentimentConfidence === undefined;
  return { score: tone.sentiment ?? 0, confidence: given ? 1 : (tone.sentimentConfidence ?? 0), source: given ? "given" : "read", note: toneNote(tone) };
}

function favourite(items: readonly ItemCount[]): ItemCount | undefined {
  return [...items].sort((a, b) => b.count - a.count || compareText(a.name, b.name))[0];
}

/**
 * Talking points grounded in the customer's own records only: how long and how often they have bought, what
 * they buy most, their own survey words, their rating, their own positive public post. Each cites the records
 * it states; nothing is claimed that is not in them. These are angles in the customer's own experience, for
 * them to put in their own words.
 *
 * @example
 * ownTalkingPoints(profile)[0]?.text; //=> "Customer since Mar 2023, buying on 14 different days (latest 2026-06-12)."
 */
export function ownTalkingPoints(profile: CustomerProfile, topics: Readonly<Record<string, readonly string[]>> = DEFAULT_TOPICS): TalkingPoint[] {
  const points: TalkingPoint[] = [];
  const { purchases } = profile;
  if (purchases.first !== undefined && purchases.last !== undefined && purchases.days.length >= 2) {
    points.push({
      angle: "experience",
      text: `Customer since ${monthYear(purchases.first.day)}, buying on ${purchases.days.length} different days (latest ${dayToIso(purchases.last.day)}).`,
      // Years of buying speak first-hand to what was bought (beans → quality).
      topics: [...new Set([...purchases.products, ...purchases.categories].flatMap((item) => detectTopics(item.name, topics)))].sort(),
      cites: [citeRecord(purchases.first.ref), citeRecord(purchases.last.ref)],
    });
  }
  const product = favourite(purchases.products);
  if (product !== undefined && product.count >= 2) {
    points.push({
      angle: "experience",
      text: `Has bought ${product.name} ${product.count} times.`,
      topics: detectTopics(product.name, topics),
      cites: [citeRecord(product.last.ref)],
    });
  }
  const rated = [...profile.surveys].reverse().find((response) => response.nps !== undefined && response.nps >= 9);
  if (rated?.nps !== undefined) {
    points.push({
      angle: "rating",
      text: `Rated the brand ${rated.nps}/10 for recommending it (${monthYear(rated.day)}).`,
      topics: [],
      cites: [citeRecord(rated.ref)],
    });
  }
  // Only words that read favourable with confidence are quoted: never a complaint, never an uncertain reading.
  const praise = [...profile.surveys]
    .filter((response) => response.comment !== undefined && isConfidentlyFavourable(response))
    .sort((a, b) => (b.sentiment ?? 0) - (a.sentiment ?? 0) || b.day - a.day)[0];
  if (praise?.comment !== undefined) {
    points.push({
      angle: "own-words",
      text: `In their own survey words: "${praise.comment}" (${toneNote(praise)})`,
      // Only what the comment praises: "love the beans, shipping is slow" vouches for quality, not shipping.
      topics: praise.praise ?? detectTopics(praise.comment, topics),
      cites: [citeRecord(praise.ref)],
      tone: quotedTone(praise),
    });
  }
  const post = [...profile.social.public]
    .filter((activity) => activity.mentionsBrand && activity.text !== undefined && isConfidentlyFavourable(activity))
    .sort((a, b) => b.sentiment - a.sentiment || b.day - a.day)[0];
  if (post?.text !== undefined) {
    points.push({
      angle: "public-post",
      text: `Said publicly on ${post.platform} (${dayToIso(post.day)}): "${post.text}" (${toneNote(post)})`,
      // Only what the post praises: "love the beans, the app is a mess" vouches for quality, not the app.
      topics: verbatimThemes(post.text, topics).praise,
      cites: [citeRecord(post.ref)],
      tone: quotedTone(post),
    });
  }
  return points;
}
