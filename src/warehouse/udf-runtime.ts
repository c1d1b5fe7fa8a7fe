/**
 * The entry of the standalone scoring bundle (`dist/udf/score.js`): built by tsup as one IIFE, platform neutral,
 * with every dependency inlined (the sentiment lexicon too), no import and no Node API, defining the single global
 * `brandAdvocatesUdf`. A warehouse's JavaScript UDF loads it and scores each profile row with the library's own
 * `score`, so a customer scores the same in the warehouse as in Node.
 */
import type { AdvocateModel } from "../model/advocate-model.js";
import { score } from "../model/score.js";
import { checkKnownKeys } from "../schema/did-you-mean.js";
import { profileFromRow, type ProfileFromRowOptions, type ProfileRow } from "./profile-from-row.js";

/**
 * Options the UDF scores with: the `topics` the library was given (comment themes are computed from them), and the
 * brand and tone adjustment texts were read with.
 */
export type UdfOptions = ProfileFromRowOptions;

/** The keys of {@link UdfOptions} (checked without zod, which the bundle does not carry). */
const UDF_OPTIONS = ["topics", "brand", "toneAdjustment"] as const satisfies ReadonlyArray<keyof UdfOptions>;

function parsed<T>(value: T | string, what: string): T {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as T;
  } catch {
    throw new TypeError(`brandAdvocatesUdf: the ${what} is not valid JSON`);
  }
}

/**
 * A scoring function with the model parsed once: takes a profile row (an object or a JSON string) and returns
 * `score(profileFromRow(row), model)` as JSON text.
 *
 * @example
 * const scoreRow = brandAdvocatesUdf.scorer(modelJson);
 * JSON.parse(scoreRow('{"customerId":"C0042","asOfDay":20634,…}')).advocate; //=> 0.71
 */
export function scorer(model: AdvocateModel | string, options: UdfOptions | string = {}): (row: ProfileRow | string) => string {
  const fitted = parsed(model, "model");
  const settings = parsed(options, "options");
  checkKnownKeys(settings, UDF_OPTIONS, "brandAdvocatesUdf.scorer");
  // Texts are read as the model's profiles were: with the tone adjustment it kept, unless the options say otherwise.
  const reading = settings.toneAdjustment === undefined && fitted.tone?.adjustment !== undefined ? { ...settings, toneAdjustment: fitted.tone.adjustment } : settings;
  return (row) => JSON.stringify(score(profileFromRow(parsed(row, "profile row"), reading), fitted));
}

/**
 * Scores one profile row against a model (each an object or JSON text) and returns the score as JSON text.
 *
 * @example
 * JSON.parse(brandAdvocatesUdf.scoreRow(row, model)).customerId; //=> "C0042"
 */
export function scoreRow(row: ProfileRow | string, model: AdvocateModel | string, options: UdfOptions | string = {}): string {
  return scorer(model, options)(row);
}

export { profileFromRow, score };
