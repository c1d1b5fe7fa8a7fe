import { compareText } from "./order.js";
import { readsFavourable, readsNegative } from "../text/tone-reading.js";

/** Whether a post mentions the brand: known no (0), known yes (1), or to be decided from its thread (2). */
export type MentionState = 0 | 1 | 2;

/** Posts by public voices the customers file does not know, in columns (they cross to the main thread). */
export interface VoicePosts {
  /** The author as `platform\u0000handle` (see `handleKey`). */
  readonly author: string[];
  /** The author's handle as first written. */
  readonly shown: string[];
  readonly day: number[];
  readonly sentiment: number[];
  /** Whether the record gave its sentiment (else it was read from the text, and must lean further to count). */
  readonly given: boolean[];
  readonly mentions: MentionState[];
  readonly reach: number[];
  /** The post it replies to, as `platform\u0000postId`, or "". */
  readonly parent: string[];
}

/**
 * What a profiler saw of threads: the brand's own posts, posts that read negative (criticism, if they are about the
 * brand), and the posts of public voices who are not known customers. Gathered while reading, resolved once every
 * file is read, since a reply and the post it answers may sit in different files or threads.
 */
export interface ThreadFacts {
  /** Post keys (`platform\u0000postId`) of the brand's own posts. */
  readonly brandPosts: string[];
  /** Negative posts with an id: the post, the post it replies to ("" for none), and whether it names the brand. */
  readonly negative: Array<readonly [post: string, parent: string, mentions: MentionState]>;
  readonly voices: VoicePosts;
}

/**
 * A post's key in threads: its platform and its id there (ids are unique per platform only).
 *
 * @example
 * postKey("twitter", "1234"); //=> "twitter\u00001234"
 */
export function postKey(platform: string, postId: string): string {
  return `${platform}\u0000${postId}`;
}

/**
 * Thread facts being gathered while reading (see {@link ThreadFacts}).
 *
 * @example
 * const threads = new ThreadFactsCollector();
 * threads.brandPost("twitter", "1");
 * threads.facts().brandPosts; //=> ["twitter\u00001"]
 */
export class ThreadFactsCollector {
  private readonly gathered: ThreadFacts = {
    brandPosts: [],
    negative: [],
    voices: { author: [], shown: [], day: [], sentiment: [], given: [], mentions: [], reach: [], parent: [] },
  };

  /** One of the brand's own posts. */
  brandPost(platform: string, postId: string | undefined): void {
    if (postId !== undefined) this.gathered.brandPosts.push(postKey(platform, postId));
  }

  /** Any post that reads negative and has an id: criticism of the brand if it names the brand or answers the brand. */
  negativePost(platform: string, postId: string | undefined, inReplyTo: string | undefined, sentiment: number, given: boolean, mentions: MentionState): void {
    if (postId === undefined || !readsNegative(sentiment, given) || mentions === 0) return;
    this.gathered.negative.push([postKey(platform, postId), inReplyTo === undefined ? "" : postKey(platform, inReplyTo), mentions]);
  }

  /** A post by a public voice who is not a known customer. */
  voice(author: string, shown: string, platform: string, day: number, sentiment: number, given: boolean, mentions: MentionState, reach: number, inReplyTo: string | undefined): void {
    const voices = this.gathered.voices;
    voices.given.push(given);
    voices.author.push(author);
    voices.shown.push(shown);
    voices.day.push(day);
    voices.sentiment.push(sentiment);
    voices.mentions.push(mentions);
    voices.reach.push(reach);
    voices.parent.push(inReplyTo === undefined ? "" : postKey(platform, inReplyTo));
  }

  facts(): ThreadFacts {
    return this.gathered;
  }
}

/** A public voice who is not a known customer: what they said about the brand (prospects to recognise). */
export interface UnmatchedAuthor {
  readonly platform: string;
  readonly author: string;
  readonly posts: number;
  /** Posts about the brand, and how they read. */
  readonly brandPosts: number;
  readonly favourable: number;
  readonly unfavourable: number;
  /** Favourable replies to criticism of the brand. */
  readonly defences: number;
  readonly maxReach: number;
  /** ISO date of their latest post. */
  readonly lastDate: string;
}

/**
 * Resolves gathered thread facts once everything is read: which posts are criticism of the brand (a negative post
 * that names the brand, or answers one of the brand's posts), and so which replies defend it.
 *
 * @example
 * const threads = new ThreadResolver([factsA, factsB]);
 * threads.isCriticism("twitter\u00001234"); //=> true
 */
export class ThreadResolver {
  private readonly brandPosts = new Set<string>();
  private readonly criticism = new Set<string>();

  constructor(private readonly parts: readonly ThreadFacts[]) {
    for (const facts of parts) for (const post of facts.brandPosts) this.brandPosts.add(post);
    // A negative post is criticism when it names the brand, answers the brand, or joins criticism in its thread;
    // the last needs the others first, so repeat until nothing changes (threads are shallow: a few rounds).
    let pending = parts.flatMap((facts) => facts.negative);
    for (let added = true; added && pending.length > 0; ) {
      added = false;
      const rest: typeof pending = [];
      for (const entry of pending) {
        const [post, parent, mentions] = entry;
        if (mentions === 1 || (parent !== "" && (this.brandPosts.has(parent) || this.criticism.has(parent)))) {
          this.criticism.add(post);
          added = true;
        } else rest.push(entry);
      }
      pending = rest;
    }
  }

  /** Whether anything was learned from threads (post ids were given). */
  get empty(): boolean {
    return this.brandPosts.size === 0 && this.criticism.size === 0;
  }

  /** Whether the post is criticism of the brand. */
  isCriticism(post: string): boolean {
    return this.criticism.has(post);
  }

  /** Whether a reply to this post is about the brand: it answers the brand, or criticism of it. */
  isAboutBrand(post: string): boolean {
    return this.brandPosts.has(post) || this.criticism.has(post);
  }

  /**
   * The public voices who are not known customers, summarised: defenders first, then those most favourable, then by
   * platform and handle.
   */
  unmatchedAuthors(dayToIso: (day: number) => string): UnmatchedAuthor[] {
    type Summary = { platform: string; author: string; posts: number; brandPosts: number; favourable: number; unfavourable: number; defences: number; maxReach: number; lastDay: number };
    const byAuthor = new Map<string, Summary>();
    for (const { voices } of this.parts) {
      for (let index = 0; index < voices.author.length; index += 1) {
        const key = voices.author[index] as string;
        let summary = byAuthor.get(key);
        if (summary === undefined) {
          summary = { platform: key.slice(0, key.indexOf("\u0000")), author: voices.shown[index] as string, posts: 0, brandPosts: 0, favourable: 0, unfavourable: 0, defences: 0, maxReach: 0, lastDay: voices.day[index] as number };
          byAuthor.set(key, summary);
        }
        const parent = voices.parent[index] as string;
        const sentiment = voices.sentiment[index] as number;
        const given = voices.given[index] === true;
        const mentions = voices.mentions[index] === 1 || (voices.mentions[index] === 2 && parent !== "" && this.isAboutBrand(parent));
        summary.posts += 1;
        summary.maxReach = Math.max(summary.maxReach, voices.reach[index] as number);
        summary.lastDay = Math.max(summary.lastDay, voices.day[index] as number);
        if (!mentions) continue;
        summary.brandPosts += 1;
        if (readsFavourable(sentiment, given)) {
          summary.favourable += 1;
          if (parent !== "" && this.criticism.has(parent)) summary.defences += 1;
        } else if (readsNegative(sentiment, given)) summary.unfavourable += 1;
      }
    }
    return [...byAuthor.values()]
      .sort((a, b) => b.defences - a.defences || b.favourable - a.favourable || b.brandPosts - a.brandPosts || compareText(a.platform, b.platform) || compareText(a.author.toLowerCase(), b.author.toLowerCase()))
      .map(({ lastDay, ...summary }) => ({ ...summary, lastDate: dayToIso(lastDay) }));
  }
}
