/**
 * The seeded synthetic population the benchmarks time: per customer 1–19 purchases (about 10), one survey (30 %
 * with a comment) and three public social posts. Shared by `bench.ts` and `bench-score.ts` so both time the same data.
 */
import { seededRandom, type PurchaseInput, type SocialActivityInput, type SurveyResponseInput } from "../src/index.js";

const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 30);

/**
 * Builds `customers` synthetic customers' records from `seed` (the same seed always gives the same records).
 *
 * @example
 * population(1000).purchases.length; //=> about 10,000
 */
export function population(customers: number, seed = 1) {
  const next = seededRandom(seed);
  const purchases: PurchaseInput[] = [];
  const surveys: SurveyResponseInput[] = [];
  const social: SocialActivityInput[] = [];
  for (let index = 0; index < customers; index += 1) {
    const customerId = `C${index}`;
    const orders = 1 + Math.floor(next() * 19);
    for (let order = 0; order < orders; order += 1) {
      purchases.push({ customerId, date: new Date(END - Math.floor(next() * 1000) * DAY), amount: Math.round(next() * 8000) / 100 });
    }
    surveys.push({ customerId, date: new Date(END - Math.floor(next() * 700) * DAY), nps: Math.floor(next() * 11), comment: next() < 0.3 ? "love the coffee, fast shipping" : undefined });
    for (let post = 0; post < 3; post += 1) {
      social.push({
        customerId,
        date: new Date(END - Math.floor(next() * 365) * DAY),
        platform: next() < 0.6 ? "twitter" : "reddit",
        type: "post",
        mentionsBrand: next() < 0.4,
        sentiment: Math.round((next() * 2 - 1) * 100) / 100,
        reach: Math.floor(Math.exp(next() * 10)),
      });
    }
  }
  return { purchases, surveys, social };
}
