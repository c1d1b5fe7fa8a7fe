import { isHoldout } from "../voice/learn/holdout-split.js";
import { fitLogistic } from "../voice/learn/fit-logistic.js";
import { logistic } from "../voice/learn/logistic.js";
import { standardisation, standardiseRow } from "../voice/learn/standardise.js";
import type { ResponseModel } from "../schema/response-model.js";
import type { InvitationOutcome } from "./track-outcomes.js";

/** The features a response model reads, in order: the advocate's scores when invited. */
export const RESPONSE_FEATURES = ["score", "loyalty", "commitment", "voice", "exposure"] as const;

export type { ResponseModel } from "../schema/response-model.js";

/** Fewest outcomes (and responses, and non-responses) to learn from: below, the base rate is all the data supports. */
export const MIN_OUTCOMES = 40;
export const MIN_EACH = 8;
const HOLDOUT_SHARE = 0.3;

function row(outcome: Pick<InvitationOutcome, "features">): number[] {
  // An absent score reads as the middle of its range: no evidence either way.
  return RESPONSE_FEATURES.map((_, index) => outcome.features[index] ?? 0.5);
}

function logLoss(probabilities: readonly number[], labels: readonly boolean[]): number {
  let sum = 0;
  labels.forEach((label, index) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, probabilities[index] as number));
    sum -= label ? Math.log(p) : Math.log(1 - p);
  });
  return labels.length === 0 ? 0 : sum / labels.length;
}

/**
 * Learns who responds when invited: a logistic regression on the advocates' scores at invitation time, fitted on a
 * deterministic part of the outcomes (by kit id) and kept only if it beats the base rate's log-loss on the rest;
 * otherwise — or with fewer than {@link MIN_OUTCOMES} outcomes — the base rate, saying why.
 *
 * @example
 * const response = fitResponseModel(trackOutcomes(invitations, social).outcomes);
 * response.method; //=> "learned" or "base-rate"
 */
export function fitResponseModel(outcomes: readonly Pick<InvitationOutcome, "kitId" | "responded" | "features">[]): ResponseModel {
  const responded = outcomes.filter((outcome) => outcome.responded).length;
  const baseRate = outcomes.length === 0 ? 0 : responded / outcomes.length;
  const fallback = (reason: string, holdout?: ResponseModel["holdout"]): ResponseModel => ({
    method: "base-rate",
    reason,
    baseRate,
    featureNames: [...RESPONSE_FEATURES],
    intercept: Math.log(Math.max(baseRate, 1e-6) / Math.max(1 - baseRate, 1e-6)),
    weights: RESPONSE_FEATURES.map(() => 0),
    means: RESPONSE_FEATURES.map(() => 0),
    scales: RESPONSE_FEATURES.map(() => 1),
    ...(holdout === undefined ? {} : { holdout }),
  });
  if (outcomes.length < MIN_OUTCOMES || responded < MIN_EACH || outcomes.length - responded < MIN_EACH) {
    return fallback(`too few outcomes to learn from: ${outcomes.length} invitations, ${responded} responses (need ${MIN_OUTCOMES}, and ${MIN_EACH} of each)`);
  }
  const train = outcomes.filter((outcome) => !isHoldout(outcome.kitId, HOLDOUT_SHARE));
  const test = outcomes.filter((outcome) => isHoldout(outcome.kitId, HOLDOUT_SHARE));
  const scaling = standardisation(train.map(row), RESPONSE_FEATURES.length);
  const fit = fitLogistic(
    train.map((outcome) => standardiseRow(row(outcome), scaling)),
    train.map((outcome) => outcome.responded),
  );
  const trainRate = train.filter((outcome) => outcome.responded).length / Math.max(1, train.length);
  const predict = (outcome: Pick<InvitationOutcome, "features">) => logistic(fit.intercept + standardiseRow(row(outcome), scaling).reduce((sum, value, index) => sum + value * (fit.weights[index] as number), 0));
  const labels = test.map((outcome) => outcome.responded);
  const holdout = { learned: logLoss(test.map(predict), labels), baseRate: logLoss(test.map(() => trainRate), labels), outcomes: test.length };
  if (!(holdout.learned < holdout.baseRate)) return fallback(`the learned model did not beat the base rate on ${test.length} held-out outcomes (log-loss ${holdout.learned.toFixed(3)} vs ${holdout.baseRate.toFixed(3)})`, holdout);
  return {
    method: "learned",
    reason: `beat the base rate on ${test.length} held-out outcomes (log-loss ${holdout.learned.toFixed(3)} vs ${holdout.baseRate.toFixed(3)})`,
    baseRate,
    featureNames: [...RESPONSE_FEATURES],
    intercept: fit.intercept,
    weights: fit.weights,
    means: scaling.means,
    scales: scaling.scales,
    holdout,
  };
}

/**
 * P(responds | invited) for an advocate's scores, by a response model.
 *
 * @example
 * responseProbability(response, { score: 0.8, loyalty: 0.9, commitment: 0.7, voice: 0.6, exposure: 0.5 }); //=> 0.41
 */
export function responseProbability(model: ResponseModel, scores: { readonly score?: number | undefined; readonly loyalty?: number | undefined; readonly commitment?: number | undefined; readonly voice?: number | undefined; readonly exposure?: number | undefined }): number {
  const features = [scores.score, scores.loyalty, scores.commitment, scores.voice, scores.exposure].map((value) => value ?? 0.5);
  let logit = model.intercept;
  features.forEach((value, index) => {
    logit += (model.weights[index] ?? 0) * ((value - (model.means[index] ?? 0)) / (model.scales[index] || 1));
  });
  return logistic(logit);
}
