import { npsCategory } from "./nps-category.js";

/** A population's Net Promoter Score with its sampling error. */
export interface NetPromoterScore {
  /** (promoters − detractors) / n × 100, on −100..100. */
  readonly nps: number;
  /** Standard error of the NPS, in NPS points: 100 × √((p + d − (p − d)²) / n). */
  readonly standardError: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly respondents: number;
}

/**
 * The Net Promoter Score of a set of 0–10 answers (one per respondent), with its standard error, so a change of a
 * few points can be told from noise. `undefined` for no answers.
 *
 * @example
 * netPromoterScore([10, 9, 8, 6, 3]); //=> { nps: 0, standardError: 40, promoters: 2, passives: 1, detractors: 2, respondents: 5 }
 */
export function netPromoterScore(answers: readonly number[]): NetPromoterScore | undefined {
  const respondents = answers.length;
  if (respondents === 0) return undefined;
  let promoters = 0;
  let detractors = 0;
  for (const answer of answers) {
    const category = npsCategory(answer);
    if (category === "promoter") promoters += 1;
    else if (category === "detractor") detractors += 1;
  }
  const p = promoters / respondents;
  const d = detractors / respondents;
  return {
    nps: (p - d) * 100,
    standardError: 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / respondents),
    promoters,
    passives: respondents - promoters - detractors,
    detractors,
    respondents,
  };
}
