import english from "sentiment/languages/en/index.js";
import emoji from "sentiment/build/emoji.json" with { type: "json" };

/**
 * Prior valences (−5..5) the tone model takes as features, not as the answer: AFINN-165 (3,382 words and phrases,
 * via the `sentiment` package) and the Emoji Sentiment Ranking that package ships (Kralj Novak et al. 2015, 767
 * emoji). A learned model sees each word only as often as its training tweets use it; the lexicon carries what it
 * knows to words the training data rarely holds. Words whose AFINN valence misleads on a support channel are
 * overridden: asking for help is not praise.
 */
const OVERRIDES: Readonly<Record<string, number>> = { help: 0, please: 0, support: 0, like: 0, united: 0, joke: 0, "no fun": -2 };

/** Word (or two-word phrase) → valence, −5..5. */
export const WORD_VALENCE: ReadonlyMap<string, number> = new Map(
  Object.entries({ ...english.labels, ...OVERRIDES }).filter(([, valence]) => valence !== 0),
);

/** Emoji → valence, −5..5. */
export const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map(Object.entries(emoji as Record<string, number>).filter(([, valence]) => valence !== 0));

/** Emoticon → valence: the common Western ones, by what they show. */
export const EMOTICON_VALENCE: ReadonlyMap<string, number> = new Map([
  [":)", 2], [":]", 2], ["=)", 2], [":d", 3], [";)", 2], [";d", 2], [":p", 1], [";p", 1], ["xd", 2], ["<3", 3], ["^^", 2], ["^_^", 2], [":*", 2],
  [":(", -2], [":[", -2], ["=(", -2], [":/", -1], [":\\", -1], [":|", -1], [":@", -3], ["</3", -3], ["d:", -2], ["t_t", -2], ["-_-", -1], [":'(", -3],
]);
