import languages from "sentiment/lib/language-processor.js";

/**
 * Prior valences (−5..5) the tone model takes as features, not as the answer: AFINN-165 (3,382 words and phrases,
 * via the `sentiment` package) and the Emoji Sentiment Ranking that package ships (Kralj Novak et al. 2015, 767
 * emoji). A learned model sees each word only as often as its training tweets use it; the lexicon carries what it
 * knows to words the training data rarely holds. Words whose AFINN valence misleads on a support channel are
 * overridden: asking for help is not praise.
 */
const OVERRIDES: Readonly<Record<string, number>> = { help: 0, please: 0, support: 0, like: 0, united: 0, joke: 0, "no fun": -2 };

// `sentiment` merges its emoji table into its English AFINN table when its language processor loads; read both
// from there (a copy: the package's own table is left as it is).
const LABELS = Object.entries(languages.getLabels("en"));
const IS_WORD = /^[\p{L}\p{N}' -]+$/u;

/** Word (or two-word phrase) → valence, −5..5. */
export const WORD_VALENCE: ReadonlyMap<string, number> = new Map(
  [...LABELS.filter(([label]) => IS_WORD.test(label)), ...Object.entries(OVERRIDES)].filter(([, valence]) => valence !== 0),
);

/** Emoji → valence, −5..5. */
export const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map(LABELS.filter(([label, valence]) => !IS_WORD.test(label) && valence !== 0));

/** Emoticon → valence: the common Western ones, by what they show. */
export const EMOTICON_VALENCE: ReadonlyMap<string, number> = new Map([
  [":)", 2], [":]", 2], ["=)", 2], [":d", 3], [";)", 2], [";d", 2], [":p", 1], [";p", 1], ["xd", 2], ["<3", 3], ["^^", 2], ["^_^", 2], [":*", 2],
  [":(", -2], [":[", -2], ["=(", -2], [":/", -1], [":\\", -1], [":|", -1], [":@", -3], ["</3", -3], ["d:", -2], ["t_t", -2], ["-_-", -1], [":'(", -3],
]);
