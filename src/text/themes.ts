import { textSentiment } from "./sentiment.js";
import { detectTopics, DEFAULT_TOPICS } from "./topics.js";

/** What a verbatim praises and what it complains about, by topic (sorted, no duplicates). */
export interface VerbatimThemes {
  readonly praise: readonly string[];
  readonly complaints: readonly string[];
}

// Clauses end at sentence punctuation or turn at a contrast ("love the beans but shipping is slow").
const CLAUSE_BREAK = /[.!?;\n]+|,?\s+\b(?:but|however|although|though|except|yet)\b/i;
const TONE = 0.05;

/**
 * Finds praise and complaint themes in a verbatim, clause by clause: each clause's topics (keyword map, see
 * {@link detectTopics}) count as praise when the clause reads positive and as complaints when it reads negative.
 * A neutral clause names no theme. The keyword map is configurable (the `topics` option).
 *
 * @example
 * verbatimThemes("Love the beans, but shipping is painfully slow.");
 * //=> { praise: ["quality"], complaints: ["shipping"] }
 */
export function verbatimThemes(text: string, topics: Readonly<Record<string, readonly string[]>> = DEFAULT_TOPICS): VerbatimThemes {
  const praise = new Set<string>();
  const complaints = new Set<string>();
  for (const clause of text.split(CLAUSE_BREAK)) {
    if (clause === undefined || clause.trim() === "") continue;
    const found = detectTopics(clause, topics);
    if (found.length === 0) continue;
    const tone = textSentiment(clause).score;
    const target = tone > TONE ? praise : tone < -TONE ? complaints : undefined;
    for (const topic of found) target?.add(topic);
  }
  return { praise: [...praise].sort(), complaints: [...complaints].sort() };
}
