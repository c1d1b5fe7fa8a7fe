import type { CustomerProfile } from "../profile/customer-profile.js";
import { compareText } from "../profile/order.js";
import { recencyWeight } from "../stats/decay.js";
import { detectTopics, DEFAULT_TOPICS } from "../text/topics.js";
import { scoringTally, stanceOf, type ActivityTally } from "./public-activity.js";

/** Where the brand is criticised: each platform's and topic's share of recent negative brand mentions (by anyone). */
export interface CriticismLandscape {
  /** Platform → share of recency-weighted negative brand mentions, sorted by platform; shares sum to 1 (or none). */
  readonly platforms: ReadonlyArray<readonly [platform: string, share: number]>;
  /** Topic → share of negative brand mentions naming it (a mention may name several), sorted by topic. */
  readonly topics: ReadonlyArray<readonly [topic: string, share: number]>;
  /** Recency-weighted count of negative brand mentions the landscape rests on. */
  readonly mentions: number;
}

/** How likely a customer is to come across criticism of the brand where it happens. */
export interface Exposure {
  /** 0..1: Σ over platforms of (share of criticism there) × (the customer's presence there). */
  readonly score: number;
  /** The customer's presence (0..1) on each platform they use, sorted by platform. */
  readonly presence: ReadonlyArray<readonly [platform: string, presence: number]>;
}

/** A handle on a platform, with no activity seen, still says the customer has an account there. */
const HANDLE_PRESENCE = 0.25;

function sortedShares(totals: Map<string, number>, denominator: number): Array<readonly [string, number]> {
  return [...totals]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, value]) => [key, denominator > 0 ? value / denominator : 0] as const);
}

/**
 * Maps where the brand is criticised from the social data itself: the platforms (and topics, from the texts) of
 * negative public brand mentions by anyone, weighted by recency.
 *
 * @example
 * criticismLandscape(profiles.values(), 20634, 180).platforms; //=> [["reddit", 0.31], ["twitter", 0.69]]
 */
export function criticismLandscape(
  profiles: Iterable<CustomerProfile>,
  asOfDay: number,
  halfLifeDays: number,
  topicMap: Readonly<Record<string, readonly string[]>> = DEFAULT_TOPICS,
): CriticismLandscape {
  const collector = new CriticismLandscapeCollector(asOfDay, halfLifeDays, topicMap);
  for (const profile of profiles) collector.add(profile);
  return collector.finish();
}

/**
 * {@link criticismLandscape} one profile at a time, for fitting while profiles stream past.
 *
 * @example
 * const landscape = new CriticismLandscapeCollector(20634, 180);
 * for (const profile of profiles.values()) landscape.add(profile);
 * landscape.finish().mentions; //=> 41.7
 */
export class CriticismLandscapeCollector {
  private readonly platforms = new Map<string, number>();
  private readonly topics = new Map<string, number>();
  private mentions = 0;

  constructor(
    private readonly asOfDay: number,
    private readonly halfLifeDays: number,
    private readonly topicMap: Readonly<Record<string, readonly string[]>> = DEFAULT_TOPICS,
  ) {}

  add(profile: CustomerProfile): void {
    for (const post of profile.social.public) {
      if (post.day > this.asOfDay || !post.mentionsBrand || stanceOf(post) !== "unfavourable") continue;
      const weight = recencyWeight(this.asOfDay - post.day, this.halfLifeDays);
      this.mentions += weight;
      this.platforms.set(post.platform, (this.platforms.get(post.platform) ?? 0) + weight);
      for (const topic of post.text === undefined ? [] : detectTopics(post.text, this.topicMap)) this.topics.set(topic, (this.topics.get(topic) ?? 0) + weight);
    }
  }

  finish(): CriticismLandscape {
    return { platforms: sortedShares(this.platforms, this.mentions), topics: sortedShares(this.topics, this.mentions), mentions: this.mentions };
  }
}

/**
 * A customer's exposure to criticism of the brand: how present they are (recent public activity, or at least a
 * handle) on the platforms where the criticism happens. A perfect advocate with exposure 0 will not see it and
 * must be told, not counted on.
 *
 * @example
 * exposureOf(profile, landscape, 20634, 180); //=> { score: 0.58, presence: [["twitter", 0.86]] }
 */
export function exposureOf(profile: CustomerProfile, landscape: CriticismLandscape, asOfDay: number, halfLifeDays: number): Exposure {
  return exposureOfTally(scoringTally(profile, asOfDay, halfLifeDays), profile.handles, landscape);
}

/**
 * {@link exposureOf} from a customer's already tallied public activity (score() tallies once for voice and
 * exposure) and their handles.
 *
 * @example
 * exposureOfTally(scoringTally(profile, 20634, 180), profile.handles, landscape).score; //=> 0.58
 */
export function exposureOfTally(tally: ActivityTally, handles: CustomerProfile["handles"], landscape: CriticismLandscape): Exposure {
  // Presence by platform, kept sorted by platform as the output lists it: activity's, then raised for handles.
  const presence = new Array<[platform: string, presence: number]>(tally.platformCount);
  for (let index = 0; index < tally.platformCount; index += 1) {
    presence[index] = [tally.platformNames[index] as string, 1 - Math.exp(-(tally.platformActivity[index] as number))];
  }
  for (let index = 0; index < handles.length; index += 1) {
    const platform = (handles[index] as readonly [string, string])[0];
    const known = presenceOn(presence, platform);
    if (known !== undefined) known[1] = Math.max(known[1], HANDLE_PRESENCE);
    else insertSorted(presence, [platform, HANDLE_PRESENCE]);
  }
  let score = 0;
  for (let index = 0; index < landscape.platforms.length; index += 1) {
    const [platform, share] = landscape.platforms[index] as readonly [string, number];
    score += share * (presenceOn(presence, platform)?.[1] ?? 0);
  }
  return { score: Math.min(1, Math.max(0, score)), presence };
}

// A customer is on a handful of platforms at most: a scan beats a Map, and allocates nothing.
function presenceOn(presence: ReadonlyArray<[string, number]>, platform: string): [string, number] | undefined {
  for (let index = 0; index < presence.length; index += 1) {
    const entry = presence[index] as [string, number];
    if (entry[0] === platform) return entry;
  }
  return undefined;
}

function insertSorted(presence: Array<[string, number]>, entry: [string, number]): void {
  let at = presence.length;
  presence.push(entry);
  while (at > 0 && compareText((presence[at - 1] as [string, number])[0], entry[0]) > 0) {
    presence[at] = presence[at - 1] as [string, number];
    at -= 1;
  }
  presence[at] = entry;
}
