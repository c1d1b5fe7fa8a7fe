import * as z from "zod";
import { dateField } from "./fields.js";
import { scaleSchema } from "./scale.js";
import { resolveTopics, TOPIC_PRESET_NAMES, type TopicPreset } from "../text/topic-presets.js";

const unitInterval = z.number().min(0).max(1);
const positive = z.number().positive().finite();

/** How each dimension counts in the advocate score: relative weights (normalised to sum to 1). */
export const dimensionWeightsSchema = z
  .object({ loyalty: positive.default(1), commitment: positive.default(1), voice: positive.default(1) })
  .prefault({});

/** The least each dimension must reach for a customer to be listed as an advocate at all (0 lists everyone). */
export const dimensionMinimumSchema = z
  .object({ loyalty: unitInterval.default(0.2), commitment: unitInterval.default(0.4), voice: unitInterval.default(0.1) })
  .prefault({});

const topicMapSchema = z.record(z.string().trim().min(1), z.array(z.string().min(1)).min(1));
const topicPresetSchema = z.enum(TOPIC_PRESET_NAMES as [TopicPreset, ...TopicPreset[]], { error: `expected a topic preset: ${TOPIC_PRESET_NAMES.join(", ")}` });

/**
 * Topics for themes in comments and for matching criticism: an industry preset's name ("retail", "travel",
 * "telecom", "software", "food", "finance"), a topic → keywords map, or a list of them (merged). Resolved to one map.
 */
export const topicsOptionSchema = z
  .union([topicPresetSchema, topicMapSchema, z.array(z.union([topicPresetSchema, topicMapSchema])).min(1)], {
    error: `expected a topic preset (${TOPIC_PRESET_NAMES.join(", ")}), a topic → keywords map, or a list of them`,
  })
  .transform((option) => resolveTopics(option) as Record<string, string[]>);

/**
 * The brand's own names and public handles. They let the library decide for itself whether a post mentions the
 * brand (when a record does not say), keep the brand's name out of tone reading ("United" is not praise), and
 * tell the brand's own posts from customers' in threads. Handles are matched case-insensitively, `@` optional.
 */
export const brandIdentitySchema = z
  .object({
    names: z.array(z.string().trim().min(1, { error: "expected a brand name" })).default([]),
    handles: z.array(z.string().trim().min(1, { error: "expected a handle" })).default([]),
  })
  .prefault({});

/** The brand's names and handles, as resolved. */
export type BrandIdentity = z.output<typeof brandIdentitySchema>;

/**
 * Options shared by fitting, scoring and ranking. Every field has a default, so `{}` is valid.
 *
 * - `asOf`: "now" for recency and tenure; defaults to the latest event date in the data, so results never depend
 *   on the wall clock.
 * - `mode`: `strict` throws one `ValidationError` on bad rows; `lenient` skips them and reports each in `problems`.
 * - `requireConsent`: only customers with `consent: true` are profiled.
 * - `cooldownDays`: customers invited within this many days before `asOf` are left out (contact fatigue).
 * - `surveyHalfLifeDays`, `socialHalfLifeDays`: how fast old answers and posts lose weight.
 */
export const advocateOptionsSchema = z.object({
  asOf: dateField.optional(),
  mode: z.enum(["strict", "lenient"]).default("strict"),
  maxProblems: z.number().int().positive().default(20),
  requireConsent: z.boolean().default(false),
  cooldownDays: z.number().min(0).finite().default(90),
  top: z.number().int().positive().optional(),
  /** Also group everyone scored into this many k-means personas (seeded by `seed`). */
  personas: z.number().int().min(2).max(20).optional(),
  seed: z.number().int().default(42),
  weights: dimensionWeightsSchema,
  minimum: dimensionMinimumSchema,
  /** Horizon of the loyalty model's expected purchases, in weeks (at most 20 years: past that it is not loyalty). */
  loyaltyHorizonWeeks: positive.max(1_040, { error: "expected at most 1,040 weeks (20 years)" }).default(52),
  /**
   * Where the voice weights come from: "auto" learns them from the data (features before the last
   * `voiceWindowDays`, label = posted publicly about the brand within them) when there is enough history and the
   * learned model beats the documented defaults on a holdout; "default" always uses the defaults.
   */
  voiceModel: z.enum(["auto", "default"]).default("auto"),
  voiceWindowDays: positive.default(180),
  /**
   * Which tone reader reads comments and posts: "shipped" (the default) reads with the shipped model; "auto" fits an
   * adjustment of it to the brand's own survey comments of known attitude (NPS or CSAT) and keeps it only if a
   * deterministic holdout says it reads them better. The fitted model records which, and why. "auto" applies where
   * the records are given in memory (identifyAdvocates, fitModel, prepareProfiles); the file reader reads with the
   * shipped model, and the warehouse UDF with whatever the model kept.
   */
  toneModel: z.enum(["auto", "shipped"]).default("shipped"),
  surveyHalfLifeDays: positive.default(365),
  socialHalfLifeDays: positive.default(180),
  answerScale: z
    .object({ min: z.number().finite().default(1), max: z.number().finite().default(5) })
    .refine((scale) => scale.max > scale.min, { message: "answerScale.max must exceed answerScale.min" })
    .prefault({}),
  /**
   * Survey scales over `answers.*` items. Without them, every answer item forms one affective-commitment scale
   * with the `answerScale` range.
   */
  scales: z
    .array(scaleSchema)
    .refine((scales) => new Set(scales.map((scale) => scale.name)).size === scales.length, { message: "scale names must be distinct" })
    .optional(),
  /** Topics for themes and criticism: a preset name, a map, or a list of them (see {@link topicsOptionSchema}; default: shipping, price, support, …). */
  topics: topicsOptionSchema.optional(),
  /** The brand's own names and handles (see {@link brandIdentitySchema}). */
  brand: brandIdentitySchema,
  sourceNames: z
    .object({
      customers: z.string().default("customers"),
      purchases: z.string().default("purchases"),
      surveys: z.string().default("surveys"),
      social: z.string().default("social"),
    })
    .prefault({}),
});

/** Options after defaults are applied. */
export type AdvocateOptions = z.output<typeof advocateOptionsSchema>;
/** Options as callers write them (every field optional). */
export type AdvocateOptionsInput = z.input<typeof advocateOptionsSchema>;

/**
 * Validates options and fills in the defaults; a bad option throws a readable error naming it.
 *
 * @example
 * resolveOptions({ mode: "lenient" }).cooldownDays; //=> 90
 */
export function resolveOptions(options: AdvocateOptionsInput = {}): AdvocateOptions {
  const parsed = advocateOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - option ${issue.path.map(String).join(".") || "(options)"}: ${issue.message}`);
    throw new RangeError(`Invalid options:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
