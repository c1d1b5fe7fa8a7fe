import { readTone } from "./tone/read-tone.js";
import type { ToneOptions } from "./tone/tone-reader.js";
import { detectTopics, DEFAULT_TOPICS, type TopicMap } from "./topics.js";

/** What a verbatim praises and what it complains about, by topic (sorted, no duplicates). */
export interface VerbatimThemes {
  readonly praise: readonly string[];
  readonly complaints: readonly string[];
}

// Clauses end at sentence punctuation or turn at a contrast ("love the beans but shipping is slow").
const COMPLAINT_SCORE = -0.15;
const CLAUSE_BREAK = /[.!?;\n]+|,?\s+\b(?:but|however|although|though|except|yet|unlike)\b/i;

/**
 * Finds praise and complaint themes in a verbatim, clause by clause: each clause's topics (see {@link detectTopics})
 * count as praise when the tone model reads the clause positive and as complaints when it reads it negative (or
 * leaning negative, P(negative) − P(positive) ≥ 0.15); any other clause names no theme. The topic map is configurable (the `topics` option); `tone` passes the brand's
 * names (neutralised) and a domain adjustment to the tone reading.
 *
 * @example
 * verbatimThemes("Love the beans, but shipping is painfully slow.");
 * //=> { praise: ["quality"], complaints: ["shipping"] }
 */
export function verbatimThemes(text: string, topics: TopicMap = DEFAULT_TOPICS, tone: ToneOptions = {}): VerbatimThemes {
  const praise = new Set<string>();
  const complaints = new Set<string>();
  for (const clause of text.split(CLAUSE_BREAK)) {
    if (clause === undefined || clause.trim() === "") continue;
    const found = detectTopics(clause, topics);
    if (found.length === 0) continue;
    // Praise only where the clause reads positive (it becomes first-hand knowledge to vouch for); a complaint where it
    // leans negative.
    const { label, score } = readTone(clause, tone);
    const target = label === "positive" ? praise : label === "negative" || score <= COMPLAINT_SCORE ? complaints : undefined;
    for (const topic of found) target?.add(topic);
  }
  return { praise: [...praise].sort(), complaints: [...complaints].sort() };
}
