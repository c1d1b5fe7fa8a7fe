import { describe, expect, it } from "vitest";
import { identifyAdvocates, resolveOptions, seededRandom, validateData } from "../../src/index.js";
import { firstNonFinite } from "../fixtures/inspect-output.js";

const DAY = 86_400_000;
const START = Date.UTC(2022, 0, 1);
const SPAN_DAYS = 1_600;

/**
 * One million purchases over 100,000 customers, bought as the BG/NBD model assumes (seeded): each customer buys at
 * their own pace while "alive" and may drop out after each repeat purchase, so the loyalty model is really fitted
 * at this size. Every customer's first purchase comes first; repeats are cut at one million rows. One row in ten is
 * written the way a CSV export writes it (text date and amount). Arrays this long overflow the stack wherever they
 * are spread into a call (`Math.max(...x)`, `push(...x)`).
 */
function millionPurchases(): Record<string, unknown>[] {
  const next = seededRandom(5);
  const firsts: Record<string, unknown>[] = [];
  const repeats: Record<string, unknown>[] = [];
  const row = (customerId: string, day: number, amount: number, asText: boolean) => {
    const date = new Date(START + day * DAY);
    return asText ? { customerId, date: date.toISOString().slice(0, 10), amount: amount.toFixed(2) } : { customerId, date, amount };
  };
  for (let customer = 0; customer < 100_000; customer += 1) {
    const customerId = `C${String(customer).padStart(6, "0")}`;
    const meanGapDays = 10 + 200 * next() ** 2;
    const dropOut = 0.02 + 0.3 * next() ** 3;
    const amount = 5 + Math.floor(next() * 80);
    let day = Math.floor(next() * SPAN_DAYS * 0.8);
    firsts.push(row(customerId, day, amount, customer % 10 === 0));
    for (;;) {
      day += Math.max(1, Math.round(-Math.log(1 - next()) * meanGapDays));
      if (day >= SPAN_DAYS) break;
      repeats.push(row(customerId, day, amount + (repeats.length % 7), repeats.length % 10 === 0));
      if (next() < dropOut) break;
    }
  }
  return firsts.concat(repeats).slice(0, 1_000_000);
}

describe("large inputs run without overflowing the stack", () => {
  it("1M purchases over 100k customers through validateData and identifyAdvocates", () => {
    const purchases = millionPurchases();
    const validated = validateData({ purchases }, resolveOptions());
    expect(validated.purchases.length).toBe(1_000_000);
    expect(validated.problems).toEqual([]);
    const result = identifyAdvocates({ purchases }, { top: 20, voiceModel: "default", minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    expect(result.scored).toBe(100_000);
    expect(result.model.loyalty.method).toBe("bg-nbd");
    expect(result.advocates.length).toBe(20);
    expect(firstNonFinite(result)).toBeUndefined();
  });

  it("one customer with 100k purchases, 100k survey answers and 100k posts", () => {
    const customerId = "__proto__";
    const days = 100_000;
    const first = Date.UTC(1901, 0, 1);
    const dayOf = (index: number) => new Date(first + index * DAY);
    const purchases = Array.from({ length: days }, (_, index) => ({ customerId, date: dayOf(index), amount: 1 + (index % 9) }));
    const surveys = Array.from({ length: days }, (_, index) => ({ customerId, date: dayOf(index), nps: index % 11, answers: { trust: 1 + (index % 5) } }));
    const social = Array.from({ length: days }, (_, index) => ({
      customerId,
      date: dayOf(index),
      platform: "twitter",
      type: index % 3 === 0 ? "reply" : "post",
      mentionsBrand: true,
      sentiment: ((index % 21) - 10) / 10,
      repliesToCriticism: index % 3 === 0,
      reach: index,
    }));
    const others = Array.from({ length: 50 }, (_, index) => ({ customerId: `other-${index}`, date: dayOf(days - 1 - index), amount: 10 }));
    const result = identifyAdvocates({ purchases: [...purchases, ...others], surveys, social }, { minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    expect(result.scored).toBe(51);
    const heavy = result.advocates.find((advocate) => advocate.customerId === customerId);
    expect(heavy?.evidence.loyalty.purchaseDays).toBe(days);
    expect(heavy?.evidence.commitment.responses).toBe(days);
    expect(firstNonFinite(result)).toBeUndefined();
  });
});
