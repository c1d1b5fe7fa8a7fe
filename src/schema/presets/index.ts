import { didYouMean } from "../did-you-mean.js";
import { delighted } from "./delighted.js";
import type { ExportPreset } from "./export-preset.js";
import { qualtrics } from "./qualtrics.js";
import { redditListing } from "./reddit.js";
import { shopifyOrders } from "./shopify-orders.js";
import { socialListening } from "./social-listening.js";
import { stripePayments } from "./stripe-payments.js";
import { surveymonkey } from "./surveymonkey.js";
import { trustpilotReviews } from "./trustpilot-reviews.js";
import { typeform } from "./typeform.js";
import { woocommerceOrders } from "./woocommerce-orders.js";
import { xApiV2 } from "./x-api-v2.js";

export type { ExportPreset } from "./export-preset.js";

/**
 * The export presets by name: how to read each vendor's export as records (purchases: Shopify, WooCommerce, Stripe;
 * surveys: Qualtrics, SurveyMonkey, Typeform, Delighted; social: X API v2, Reddit, social-listening tools,
 * Trustpilot). Each cites the vendor documentation it was written from.
 */
export const EXPORT_PRESETS = Object.freeze({
  "shopify-orders": shopifyOrders,
  "woocommerce-orders": woocommerceOrders,
  "stripe-payments": stripePayments,
  qualtrics,
  surveymonkey,
  typeform,
  delighted,
  "x-api-v2": xApiV2,
  reddit: redditListing,
  "social-listening": socialListening,
  "trustpilot-reviews": trustpilotReviews,
} as const satisfies Readonly<Record<string, ExportPreset>>);

/** A preset's name. */
export type ExportPresetName = keyof typeof EXPORT_PRESETS;

/** Short names users type for a preset (`--preset shopify`): alias → the preset's name. */
export const PRESET_ALIASES: Readonly<Record<string, ExportPresetName>> = Object.freeze({
  shopify: "shopify-orders",
  woocommerce: "woocommerce-orders",
  woo: "woocommerce-orders",
  stripe: "stripe-payments",
  "stripe-charges": "stripe-payments",
  x: "x-api-v2",
  twitter: "x-api-v2",
  "twitter-api-v2": "x-api-v2",
  brandwatch: "social-listening",
  talkwalker: "social-listening",
  trustpilot: "trustpilot-reviews",
});

// Names and aliases are code, but the name looked up is data: a Map keeps `__proto__` or `constructor` from
// resolving to anything.
const BY_NAME = new Map<string, ExportPreset>([
  ...Object.entries(EXPORT_PRESETS),
  ...Object.entries(PRESET_ALIASES).map(([alias, name]): [string, ExportPreset] => [alias, EXPORT_PRESETS[name]]),
]);

/** A name as users may type it: case, surrounding space, and `_` or spaces for `-` do not matter. */
function normalName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, "-");
}

/**
 * The export preset of a name (or alias, such as `shopify`). An unknown name is an error that says which preset was
 * probably meant, and lists them all.
 *
 * @throws {Error} for a name no preset or alias has.
 * @example
 * presetNamed("shopify").name; //=> "shopify-orders"
 * presetNamed("Typeform").kind; //=> "surveys"
 * presetNamed("shopfy"); // throws: unknown export preset "shopfy": did you mean "shopify-orders"? …
 */
export function presetNamed(name: string): ExportPreset {
  const preset = BY_NAME.get(normalName(name));
  if (preset !== undefined) return preset;
  const guess = didYouMean(normalName(name), [...BY_NAME.keys()]);
  const meant = guess === undefined ? "" : ` did you mean "${(BY_NAME.get(guess) as ExportPreset).name}"?`;
  const quoted = JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
  throw new Error(`unknown export preset ${quoted}:${meant} Presets: ${Object.keys(EXPORT_PRESETS).join(", ")}.`);
}
