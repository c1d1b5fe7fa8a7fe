import { readsFavourable } from "../text/tone-reading.js";
import { MENTIONS_BRAND, MENTIONS_GIVEN, REPLIES_TO_CRITICISM, REPLY_GIVEN, TONE_GIVEN } from "./event-codes.js";
import type { ProfileStore } from "./profile-store.js";
import type { ThreadResolver } from "./thread-facts.js";

/** What rebuilding threads changed in a store. */
export interface ThreadMarks {
  /** Replies now known to be about the brand (they answer the brand, or criticism of it). */
  readonly aboutBrand: number;
  /** Favourable replies to criticism of the brand: defences. */
  readonly defences: number;
}

/**
 * Marks, in a merged store, what only whole threads can tell: a reply to the brand's post or to criticism of the
 * brand is about the brand, and a favourable reply to criticism defends it. What a record said itself
 * (`mentionsBrand`, `repliesToCriticism`) is never overruled. The store's flag column is updated in place.
 *
 * @example
 * markThreadReplies(prepared.profiles, new ThreadResolver(facts)); //=> { aboutBrand: 12, defences: 4 }
 */
export function markThreadReplies(store: ProfileStore, threads: ThreadResolver): ThreadMarks {
  const { social, strings } = store.columns;
  // The store's columns are read-only to readers; the preparation that built them finishes them here.
  const flags = social.flags as Uint8Array;
  let aboutBrand = 0;
  let defences = 0;
  for (let event = 0; event < flags.length; event += 1) {
    const parent = social.inReplyTo[event] as number;
    if (parent < 0) continue;
    const post = strings[parent] as string;
    let flag = flags[event] as number;
    if ((flag & MENTIONS_GIVEN) === 0 && (flag & MENTIONS_BRAND) === 0 && threads.isAboutBrand(post)) {
      flag |= MENTIONS_BRAND;
      aboutBrand += 1;
    }
    if ((flag & REPLY_GIVEN) === 0 && (flag & REPLIES_TO_CRITICISM) === 0 && threads.isCriticism(post) && readsFavourable(social.sentiment[event] as number, (flag & TONE_GIVEN) !== 0)) {
      flag |= REPLIES_TO_CRITICISM;
      defences += 1;
    }
    flags[event] = flag;
  }
  return { aboutBrand, defences };
}
