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
  return defaultScales(items, answerScale);
}

/**
 * The scales used when none are declared: one affective-commitment scale over the given `answers.*` items (none
 * without items).
 *
 * @example
 * defaultScales(["trust", "love"], { min: 1, max: 5 })[0]?.items; //=> ["love", "trust"]
 */
export function defaultScales(items: Iterable<string>, answerScale: { readonly min: number; readonly max: number }): ScaleDefinition[] {
  const sorted = [...new Set(items)].sort(compareText);
  if (sorted.length === 0) return [];
  return [{ name: "answers", construct: "affective-commitment", items: sorted, min: answerScale.min, max: answerScale.max, reverse: [] }];
}

/**
 * Collects, one profile at a time, what each scale's fit needs: the reverse-coded item scores of the responses that
 * answered every item (for Cronbach's alpha) and how many responses answered any (see {@link fitScales}).
 *
 * @example
 * const scales = new ScaleFitter(definitions);
 * for (const profile of profiles.values()) scales.add(profile);
 * scales.finish().scales[0]?.alpha; //=> 0.86
 */
export class ScaleFitter {
  private readonly complete: number[][][];
  private readonly answered: number[];

  constructor(private readonly definitions: readonly ScaleDefinition[]) {
    this.complete = definitions.map(() => []);
    this.answered = definitions.map(() => 0);
  }

  add(profile: CustomerProfile): void {
    if (this.definitions.length === 0) return;
    for (const response of profile.surveys) {
      if (response.answers.length === 0) continue;
      const values = new Map(response.answers);
      this.definitions.forEach((scale, index) => {
        const present = scale.items.filter((item) => values.has(item));
        if (present.length === 0) return;
        this.answered[index] = (this.answered[index] as number) + 1;
        if (present.length === scale.items.length) this.complete[index]!.push(scale.items.map((item) => itemScore(scale, item, values.get(item) as number)));
      });
    }
  }

  finish(): { scales: FittedScale[]; warnings: string[] } {
    const warnings: string[] = [];
    const scales = this.definitions.map((scale, index): FittedScale => {
      const alpha = cronbachAlpha(this.complete[index]!);
      if (alpha !== undefined && alpha < ALPHA_WARNING) {
        warnings.push(
          `scale "${scale.name}" has Cronbach's alpha ${alpha.toFixed(2)} (< ${ALPHA_WARNING}): its items may not measure one construct; check reverse-coded items`,
        );
      }
      return { ...scale, alpha, responses: this.answered[index] as number };
    });
    return { scales, warnings };
  }
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
  const fitter = new ScaleFitter(definitions);
  for (const profile of profiles) fitter.add(profile);
  return fitter.finish();
}
