import type { SocialActivity } from "../schema/social.js";
import type { RecordRef } from "../schema/problem.js";

/** One brand mention as triage reads it: the record, where it came from, how it reads and whose it is. */
export interface ReadMention {
  readonly record: SocialActivity;
  readonly ref: RecordRef;
  /** `platform\u0000postId`, or a key of the record's own when it has no id. */
  readonly key: string;
  readonly parentKey: string | undefined;
  /** −1..1, given or read toward the brand. */
  readonly tone: number;
  readonly criticism: boolean;
  readonly byBrand: boolean;
  /** The customer who wrote it, when a customer's handle or ID names them. */
  readonly customerId: string | undefined;
  readonly author: string;
}

/**
 * Groups mentions into threads: a mention belongs to the thread of the post it replies to, up the chain of posts
 * known (a reply to a post not in the data starts its thread at that post's id). Returns thread root → its
 * mentions, in the mentions' order.
 *
 * @example
 * threadsOf(mentions).get("twitter\u0000100")?.length; //=> 4 (the criticism and three replies)
 */
export function threadsOf(mentions: readonly ReadMention[]): Map<string, ReadMention[]> {
  const byKey = new Map(mentions.map((mention) => [mention.key, mention] as const));
  const rootOf = (mention: ReadMention): string => {
    let current: ReadMention = mention;
    const seen = new Set<string>();
    for (;;) {
      seen.add(current.key);
      const parent = current.parentKey;
      if (parent === undefined) return current.key;
      const next = byKey.get(parent);
      // A parent outside the data names the thread; a cycle (bad data) stops at the first repeat.
      if (next === undefined || seen.has(parent)) return parent;
      current = next;
    }
  };
  const threads = new Map<string, ReadMention[]>();
  for (const mention of mentions) {
    const root = rootOf(mention);
    const thread = threads.get(root);
    if (thread === undefined) threads.set(root, [mention]);
    else thread.push(mention);
  }
  return threads;
}
