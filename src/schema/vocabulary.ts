/**
 * The schemas' fixed vocabularies, kept apart from zod: scoring code (and the warehouse UDF bundle built from it)
 * reads them without pulling the validation library in.
 */

/** Kinds of public activity a social record can be. */
export const socialTypes = ["post", "reply", "comment", "review", "share"] as const;
/** One of the kinds of social activity. */
export type SocialType = (typeof socialTypes)[number];

/**
 * Constructs a survey scale can measure. Only the attachment constructs count toward commitment; opinion leadership
 * is reported (it bears on voice), and continuance commitment ("I stay because switching is hard") is reported but
 * never counted: it undermines advocacy rather than driving it (Fullerton 2011).
 */
export const scaleConstructs = [
  "affective-commitment",
  "brand-love",
  "self-brand-connection",
  "satisfaction",
  "opinion-leadership",
  "continuance-commitment",
] as const;
/** What a scale measures. */
export type ScaleConstruct = (typeof scaleConstructs)[number];

/** Constructs whose scores count toward the commitment dimension. */
export const COMMITMENT_CONSTRUCTS: ReadonlySet<ScaleConstruct> = new Set(["affective-commitment", "brand-love", "self-brand-connection"]);
