import * as z from "zod";
import { dateField } from "./fields.js";
import { parseOptions, type OptionHints } from "./parse-options.js";
import { columnMappingsSchema, sourceReadingsSchema } from "./reading.js";
import { scaleSchema } from "./scale.js";
import { topicsSchema } from "./topics.js";

const unitInterval = z.number().min(0).max(1);
const positive = z.number().positive().finite();

/** How each dimension counts in the advocate score: relative weights (normalised to sum to 1). */
export const dimensionWeightsSchema = z
  .strictObject({ loyalty: positive.default(1), commitment: positive.default(1), voice: positive.default(1) })
  .prefault({});

/** The least each dimension must reach for a customer to be listed as an advocate at all (0 lists everyone). */
export const dimensionMinimumSchema = z
  .strictObject({ loyalty: unitInterval.default(0.2), commitment: unitInterval.default(0.4), voice: unitInterval.default(0.1) })
  .prefault({});

/**
 * The brand's own names and public handles. They let the library decide for itself whether a post mentions the
 * brand (when a record does not say), keep the brand's name out of tone reading ("United" is not praise), and
 * tell the brand's own posts from customers' in threads. Handles are matched case-insensitively, `@` optional.
 */
export const brandIdentitySchema = z
  .strictObject(
    {
      names: z.array(z.string().trim().min(1, { error: "expected a brand name" })).default([]),
      handles: z.array(z.string().trim().min(1, { error: "expected a handle" })).default([]),
    },
    { error: (issue) => (issue.code === "invalid_type" ? "expected { names: [...], handles: [...] } (the brand's names and public handles)" : undefined) },
  )
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
export const advocateOptionsSchema = z.strictObject({
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
    .strictObject({ min: z.number().finite().default(1), max: z.number().finite().default(5) })
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
  /** Topics for themes and criticism: a preset name, a map, or a list of them (see {@link topicsSchema}; default: shipping, price, support, …). */
  topics: topicsSchema.optional(),
  /** The brand's own names and handles (see {@link brandIdentitySchema}). */
  brand: brandIdentitySchema,
  /**
   * Per kind, field → column for records not written in the library's own columns:
   * `{ purchases: { customerId: "Email", date: "Paid at", amount: "Total" } }` (see {@link sourceReadingSchema}).
   */
  columns: columnMappingsSchema.optional(),
  /** Per kind, how its records are read: a vendor preset, column mapping, date format, decimal separator. */
  sources: sourceReadingsSchema.optional(),
  /** Drop exact duplicate purchase rows (same customer, order, product, amount and day), counting them. */
  dedupe: z.boolean().default(false),
  sourceNames: z
    .strictObject({
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
 * Mistakes that are not typos, answered directly: the CLI's `--lenient` is `mode: "lenient"` here.
 */
export const ADVOCATE_OPTION_HINTS: OptionHints = { lenient: 'mode: "lenient"', strict: 'mode: "strict"', consent: "requireConsent" };

/**
 * Validates options and fills in the defaults; a bad option throws a readable error naming it, and an unknown one
 * (a typo) names the option it most likely meant.
 *
 * @throws {RangeError} on a bad or unknown option; {TypeError} if `options` is not an object.
 * @example
 * resolveOptions({ mode: "lenient" }).cooldownDays; //=> 90
 * resolveOptions({ minimum: { loyality: 0 } }); // RangeError: unknown option minimum.loyality (did you mean minimum.loyalty?)
 */
export function resolveOptions(options: AdvocateOptionsInput = {}): AdvocateOptions {
  return parseOptions(advocateOptionsSchema, options, "", ADVOCATE_OPTION_HINTS);
}
