/**
 * Throughput of the shipped tone model on real customer tweets (the 2,778 inbound TWCS tweets), one core, from the
 * built package: `npm run bench` runs it after the build.
 */
import { readFileSync } from "node:fs";
import { SHARED_DATA } from "../tests/fixtures/data-location.js";
import { parseCsv, readTone } from "../dist/index.js";

const texts = parseCsv(readFileSync(`${SHARED_DATA}twcs/twcs.csv`, "utf8"))
  .filter((row) => row.inbound === "True")
  .map((row) => String(row.text));
for (const text of texts) readTone(text);
const rates: number[] = [];
for (let round = 0; round < 5; round += 1) {
  let n = 0;
  const start = performance.now();
  do {
    for (const text of texts) readTone(text);
    n += texts.length;
  } while (performance.now() - start < 1000);
  rates.push(n / ((performance.now() - start) / 1000));
}
rates.sort((a, b) => a - b);
const brand = { names: ["Delta", "United"], handles: ["Delta", "united", "AmazonHelp"] };
let withBrand = 0;
const start = performance.now();
do {
  for (const text of texts) readTone(text, { brand });
  withBrand += texts.length;
} while (performance.now() - start < 1000);
console.log(
  `tone model: ${texts.length} TWCS customer tweets, median of 5 runs ${Math.round(rates[2] as number).toLocaleString("en-US")} texts/s ` +
    `(range ${Math.round(rates[0] as number).toLocaleString("en-US")}–${Math.round(rates[4] as number).toLocaleString("en-US")}); ` +
    `read toward a brand (stance, clause by clause) ${Math.round(withBrand / ((performance.now() - start) / 1000)).toLocaleString("en-US")} texts/s`,
);
