import type { CustomerProfile } from "../profile/customer-profile.js";
import { compareText } from "../profile/order.js";
import type { ScaleDefinition } from "../schema/scale.js";
import type { FittedScale } from "./commitment-params.js";
import { cronbachAlpha } from "./cronbach-alpha.js";
import { itemScore } from "./scale-score.js";

/** Below this Cronbach's alpha a scale's items may not measure one construct (Nunnally's rule of thumb). */
export const ALPHA_WARNING = 0.7;

/**
 * The scales to score: the given definitions, or — when none are given — one affective-commitment scale over every
 * `answers.*` item seen, with the `answerScale` range.
 *
 * @example
 * resolveScales(undefined, profiles, { min: 1, max: 5 }); //=> [{ name: "answers", construct: "affective-commitment", items: ["love", "trust"], … }]
 */
export function resolveScales(
  given: readonly ScaleDefinition[] | undefined,
  profiles: Iterable<CustomerProfile>,
  answerScale: { readonly min: number; readonly max: number },
): ScaleDefinition[] {
  if (given !== undefined) return [...given];
  const items = new Set<string>();
  for (const profile of profiles) for (const response of profile.surveys) for (const [item] of response.answers) items.add(item);
  if (items.size === 0) return [];
  return [{ name: "answers", construct: "affective-commitment", items: [...items].sort(compareText), min: answerScale.min, max: answerScale.max, reverse: [] }];
}

/**
 * Fits each scale over the population: Cronbach's alpha on the reverse-coded item scores of the responses that
 * answered every item, and a warning for each scale whose alpha is below {@link ALPHA_WARNING}.
 *
 * @example
 * const { scales, warnings } = fitScales(definitions, profileSet.profiles.values());
 * scales[0]?.alpha; //=> 0.86
 */
export function fitScales(definitions: readonly ScaleDefinition[], profiles: Iterable<CustomerProfile>): { scales: FittedScale[]; warnings: string[] } {
  const complete = definitions.map(() => [] as number[][]);
  const answered = definitions.map(() => 0);
  for (const profile of profiles) {
    for (const response of profile.surveys) {
      const values = new Map(response.answers);
      definitions.forEach((scale, index) => {
        const present = scale.items.filter((item) => values.has(item));
        if (present.length === 0) return;
        answered[index] = (answered[index] as number) + 1;
        if (present.length === scale.items.length) complete[index]!.push(scale.items.map((item) => itemScore(scale, item, values.get(item) as number)));
      });
    }
  }
  const warnings: string[] = [];
  const scales = definitions.map((scale, index): FittedScale => {
    const alpha = cronbachAlpha(complete[index]!);
    if (alpha !== undefined && alpha < ALPHA_WARNING) {
      warnings.push(
        `scale "${scale.name}" has Cronbach's alpha ${alpha.toFixed(2)} (< ${ALPHA_WARNING}): its items may not measure one construct; check reverse-coded items`,
      );
    }
    return { ...scale, alpha, responses: answered[index] as number };
  });
  return { scales, warnings };
}
