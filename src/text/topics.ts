import { stemmer as stem } from "stemmer";
import { DEFAULT_TOPICS, type TopicMap } from "./topic-presets.js";

export { DEFAULT_TOPICS, TOPIC_PRESETS, TOPIC_PRESET_NAMES, resolveTopics, type TopicMap, type TopicPreset, type TopicsOption } from "./topic-presets.js";

/** One keyword, compiled: a stemmed word, a phrase of stemmed words, a prefix (`word*`) or a symbol (`£`). */
type Keyword =
  | { readonly kind: "word"; readonly stem: string }
  | { readonly kind: "phrase"; readonly stems: readonly string[] }
  | { readonly kind: "prefix"; readonly prefix: string }
  | { readonly kind: "symbol"; readonly text: string };

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Lower-case words of a text, each with its Porter stem. */
function wordsOf(text: string): { words: string[]; stems: string[] } {
  const words = (text.toLowerCase().match(WORD) ?? []).map((word) => word.replace(/’/g, "'"));
  return { words, stems: words.map((word) => stem(word)) };
}

function compileKeyword(keyword: string): Keyword {
  const trimmed = keyword.trim().toLowerCase();
  if (trimmed.endsWith("*") && trimmed.length > 1) return { kind: "prefix", prefix: trimmed.slice(0, -1) };
  const { stems } = wordsOf(trimmed);
  if (stems.length === 0) return { kind: "symbol", text: trimmed };
  if (stems.length === 1) return { kind: "word", stem: stems[0] as string };
  return { kind: "phrase", stems };
}

/** Compiled topic maps, cached per map object. */
const compiled = new WeakMap<object, Array<[string, Keyword[]]>>();

function compile(topics: TopicMap): Array<[string, Keyword[]]> {
  let topicKeywords = compiled.get(topics);
  if (topicKeywords === undefined) {
    topicKeywords = Object.entries(topics)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([topic, words]) => [topic, words.map(compileKeyword)]);
    compiled.set(topics, topicKeywords);
  }
  return topicKeywords;
}

function hasPhrase(stems: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= stems.length; start += 1) {
    let all = true;
    for (let k = 0; k < phrase.length && all; k += 1) all = stems[start + k] === phrase[k];
    if (all) return true;
  }
  return false;
}

/**
 * The topics a text speaks to, sorted. Keywords match whole words after Porter stemming (so "app" matches "apps" but
 * never "appreciate" or "apparently"; "delay" matches "delayed"), a keyword of several words matches the phrase, a
 * keyword ending in `*` matches words it begins, and a symbol ("£") matches anywhere.
 *
 * @example
 * detectTopics("My order arrived late and support never answered"); //=> ["shipping", "support"]
 * detectTopics("I appreciate it, apparently"); //=> []
 */
export function detectTopics(text: string, topics: TopicMap = DEFAULT_TOPICS): string[] {
  const { words, stems } = wordsOf(text);
  const stemSet = new Set(stems);
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const [topic, keywords] of compile(topics)) {
    const matches = keywords.some((keyword) => {
      switch (keyword.kind) {
        case "word":
          return stemSet.has(keyword.stem);
        case "phrase":
          return hasPhrase(stems, keyword.stems);
        case "prefix":
          return words.some((word) => word.startsWith(keyword.prefix));
        case "symbol":
          return lower.includes(keyword.text);
      }
    });
    if (matches) found.push(topic);
  }
  return found;
}
