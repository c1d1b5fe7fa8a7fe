import { describe, expect, it } from "vitest";
import { fitModelToProfiles, ProfileBuilder, resolveOptions, seededRandom, toDay } from "../../src/index.js";
import { FIT_POPULATION_SAMPLE } from "../../src/model/fit-model.js";
import { FIT_SAMPLE_SIZE, inHashSample, POPULATION_SAMPLE_SEED } from "../../src/stats/hash-sample.js";

describe("fitting a large population on nested samples", () => {
  it("draws a dimension's sample within the model's sample at the dimension's own rate", () => {
    const ids = Array.from({ length: 200_000 }, (_, index) => `C${index}`);
    const modelSample = ids.filter((id) => inHashSample(id, ids.length, 50_000, POPULATION_SAMPLE_SEED));
    const within = modelSample.filter((id) => inHashSample(id, modelSample.length, 20_000));
    expect(modelSample.length / 50_000).toBeCloseTo(1, 1);
    // With one hash for both, every customer of the model's sample would pass the dimension's wider threshold.
    expect(within.length / 20_000).toBeCloseTo(1, 1);
  });

  it("fits a model of 300k customers on ~250k of them, and BG/NBD on ~100k buyers among those", () => {
    const builder = new ProfileBuilder();
    const next = seededRandom(3);
    const end = toDay(new Date("2026-06-30"));
    const customers = 300_000;
    let row = 0;
    // Buy till you die, as the benchmark's population: a purchase rate λ ~ Gamma(2, 0.016/day), a dropout chance
    // p ~ Beta(1, 12) after each purchase, from a first purchase in the last 1,000 days.
    for (let index = 0; index < customers; index += 1) {
      const customerId = `C${index}`;
      const rate = 0.016 * (-Math.log(1 - next()) - Math.log(1 - next()));
      const dropout = 1 - Math.pow(1 - next(), 1 / 12);
      for (let day = Math.floor(next() * 1_000), alive = true; alive && day < 1_000; day += Math.max(1, Math.round(-Math.log(1 - next()) / rate))) {
        builder.addPurchase({ customerId, date: new Date((end - 999 + day) * 86_400_000), amount: 5 + Math.round(next() * 50) }, { source: "purchases.csv", row: (row += 1) });
        alive = next() >= dropout;
      }
    }
    const profiles = builder.build();
    const model = fitModelToProfiles(profiles, end, resolveOptions({ voiceModel: "default" }));
    expect(model.population).toBe(customers);
    expect((model.fittedOn ?? 0) / FIT_POPULATION_SAMPLE).toBeCloseTo(1, 1);
    expect(model.loyalty.method).toBe("bg-nbd");
    expect((model.loyalty.fittedOn ?? 0) / FIT_SAMPLE_SIZE).toBeCloseTo(1, 1);
  });
});
