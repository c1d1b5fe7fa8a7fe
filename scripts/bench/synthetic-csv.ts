/**
 * Writes a seeded synthetic population as the four CSV exports a brand has — customers, purchases (~10 per
 * customer), surveys (~1) and social activity (~3) — for the benchmark. Rows come in shuffled customer order and
 * unsorted dates, as merged exports do; 30 % of survey answers carry a comment and 40 % of posts a text, so the
 * lexicon work is part of the cost. The same size and seed give byte-identical files.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { seededRandom } from "../../dist/index.js";

const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 30);
const PRODUCTS = [
  ["House blend beans 1kg", "coffee"],
  ["Single origin Ethiopia 250g", "coffee"],
  ["Decaf beans 500g", "coffee"],
  ["Espresso capsules x50", "coffee"],
  ["Reusable cup", "merch"],
  ["Burr grinder", "equipment"],
  ["Subscription box", "subscription"],
] as const;
const COMMENTS = [
  "Love the beans, fresh every time.",
  "Great coffee but shipping was slow this month.",
  "The subscription is good value.",
  "Support sorted my missing parcel quickly, thank you!",
  "Too expensive for what it is.",
  "Stale beans twice in a row, not happy.",
  "Best roast I have had, and the compostable bags are a nice touch.",
  "App keeps crashing at checkout.",
  "Delivery arrived late again.",
  "Fine.",
];
const POSTS = [
  ["Northwind's house blend is my morning ritual. Fresh and smooth.", 0.62],
  ["Waited two weeks for my Northwind order. Not impressed.", -0.48],
  ["Anyone tried the new Northwind decaf?", 0.0],
  ["@critic honestly their support fixed my order the same day", 0.55],
  ["Great day at the park", 0.4],
  ["Northwind raised prices again?", -0.2],
] as const;
const PLATFORMS = ["twitter", "twitter", "twitter", "reddit", "reviews", "facebook"];

class CsvWriter {
  private readonly out;
  private buffer = "";
  constructor(path: string, header: string) {
    this.out = createWriteStream(path);
    this.buffer = `${header}\n`;
  }
  async row(line: string): Promise<void> {
    this.buffer += `${line}\n`;
    if (this.buffer.length > 1 << 20) {
      const ok = this.out.write(this.buffer);
      this.buffer = "";
      if (!ok) await new Promise<void>((resolve) => this.out.once("drain", () => resolve()));
    }
  }
  async close(): Promise<void> {
    this.out.write(this.buffer);
    await new Promise<void>((resolve) => this.out.end(() => resolve()));
  }
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The folder holding the population's files, written first if missing. */
export async function syntheticPopulation(root: string, customers: number, seed = 1): Promise<{ folder: string; files: Record<string, string> }> {
  const folder = join(root, `synthetic-${customers}-seed${seed}`);
  const files = {
    customers: join(folder, "customers.csv"),
    purchases: join(folder, "purchases.csv"),
    surveys: join(folder, "surveys.csv"),
    social: join(folder, "social.csv"),
  };
  if (existsSync(join(folder, "complete"))) return { folder, files };
  mkdirSync(folder, { recursive: true });
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

  const customerFile = new CsvWriter(files.customers, "customerId,name,optedOut,consent,handles.twitter,lastInvitedAt");
  const purchaseFile = new CsvWriter(files.purchases, "customerId,date,amount,orderId,product,category,returned");
  const surveyFile = new CsvWriter(files.surveys, "customerId,date,nps,csat,answers.trust,answers.love,comment");
  const socialFile = new CsvWriter(files.social, "customerId,date,platform,type,public,mentionsBrand,text,sentiment,reach,engagement,repliesToCriticism");
  // Customers are simulated one at a time, buy-till-you-die style (a purchase rate λ ~ Gamma(2, 0.016/day) and a
  // dropout chance p ~ Beta(1, 12) after each purchase, from a first purchase in the last 1,000 days): about ten
  // purchases each on average, as a BG/NBD model expects of real repeat buying. Rows of 4,096 customers at a time
  // are interleaved, so a file is not grouped by customer.
  const BLOCK = 4_096;
  let order = 0;
  for (let blockStart = 0; blockStart < customers; blockStart += BLOCK) {
    const rows: { purchases: string[]; surveys: string[]; social: string[] } = { purchases: [], surveys: [], social: [] };
    for (let index = blockStart; index < Math.min(customers, blockStart + BLOCK); index += 1) {
      const customerId = `C${String((index * 7_919) % customers).padStart(7, "0")}`;
      const handle = next() < 0.4 ? `@fan${index}` : "";
      const invited = next() < 0.03 ? isoDay(END - Math.floor(next() * 400) * DAY) : "";
      await customerFile.row(`${customerId},Customer ${index},${next() < 0.01 ? "true" : "false"},${next() < 0.7 ? "true" : ""},${handle},${invited}`);
      const rate = 0.016 * (-Math.log(1 - next()) - Math.log(1 - next()));
      const dropout = 1 - Math.pow(1 - next(), 1 / 12);
      let day = Math.floor(next() * 1_000);
      let alive = true;
      while (alive && day < 1_000) {
        const [product, category] = pick(PRODUCTS);
        const amount = (Math.round(next() * 8000) / 100).toFixed(2);
        rows.purchases.push(`${customerId},${isoDay(END - (999 - day) * DAY)},${amount},O${order++},${product},${category},${next() < 0.02 ? "true" : ""}`);
        alive = next() >= dropout;
        day += Math.max(1, Math.round(-Math.log(1 - next()) / rate));
      }
      const responses = next() < 0.85 ? 1 : next() < 0.5 ? 0 : 2;
      for (let response = 0; response < responses; response += 1) {
        const scale = next() < 0.5;
        const items = scale ? `${1 + Math.floor(next() * 5)},${1 + Math.floor(next() * 5)}` : ",";
        const comment = next() < 0.3 ? quoted(pick(COMMENTS)) : "";
        const nps = alive ? 5 + Math.floor(next() * 6) : Math.floor(next() * 11);
        rows.surveys.push(`${customerId},${isoDay(END - Math.floor(next() * 700) * DAY)},${nps},${next() < 0.5 ? 1 + Math.floor(next() * 5) : ""},${items},${comment}`);
      }
      // Public activity is heavy-tailed (most customers post little, a few post a lot): about 3 each on average (the floor of an exponential of mean 3.5).
      const posts = Math.floor(-Math.log(1 - next()) * 3.5);
      for (let post = 0; post < posts; post += 1) {
        const [text, sentiment] = pick(POSTS);
        const withText = next() < 0.4;
        const mentions = withText ? !text.startsWith("Great day") : next() < 0.4;
        const tone = withText ? sentiment : Math.round((next() * 2 - 1) * 100) / 100;
        const reach = Math.floor(Math.exp(next() * 10));
        rows.social.push(
          [
            customerId,
            isoDay(END - Math.floor(next() * 365) * DAY),
            pick(PLATFORMS),
            next() < 0.2 ? "reply" : "post",
            next() < 0.95 ? "true" : "false",
            String(mentions),
            withText ? quoted(text) : "",
            String(tone),
            String(reach),
            String(Math.floor(next() * reach * 0.05)),
            next() < 0.05 ? "true" : "",
          ].join(","),
        );
      }
    }
    for (const [file, lines] of [
      [purchaseFile, rows.purchases],
      [surveyFile, rows.surveys],
      [socialFile, rows.social],
    ] as const) {
      for (let index = lines.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        [lines[index], lines[other]] = [lines[other] as string, lines[index] as string];
      }
      for (const line of lines) await file.row(line);
    }
  }
  await customerFile.close();
  await purchaseFile.close();
  await surveyFile.close();
  await socialFile.close();
  // The marker goes last: an interrupted run does not leave a half-written population that looks complete.
  createWriteStream(join(folder, "complete.tmp")).end();
  await new Promise((resolve) => setTimeout(resolve, 10));
  renameSync(join(folder, "complete.tmp"), join(folder, "complete"));
  return { folder, files };
}
