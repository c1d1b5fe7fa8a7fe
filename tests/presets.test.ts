import { readFileSync } from "node:fs";
import { isValid, parse } from "date-fns";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { EXPORT_PRESETS, PRESET_ALIASES, presetNamed, type ExportPreset } from "../src/schema/presets/index.js";
import { didYouMean, editDistance } from "../src/schema/did-you-mean.js";
import { isoFromUnixSeconds, leadingWholeNumber, plainNumber, satisfactionScore } from "../src/schema/presets/raw-values.js";

/*
 * Each preset against the fixture written from its vendor's documentation (tests/fixtures/exports/README.md). The
 * reading engine is the lead's; this file reads a fixture the way the preset contract describes (header rule,
 * first present candidate, located columns, extra columns, constants, then `adapt`) so that each preset's mapping
 * and adapter are checked on the export they were written for.
 */

const FIXTURES = new URL("./fixtures/exports/", import.meta.url);

/** The library's header rule: case, spaces, `_` and `-` do not matter. */
const headerKey = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, "");

/** The library's record fields per kind (field paths a preset may map, set or return). */
const FIELDS: Record<ExportPreset["kind"], readonly string[]> = {
  customers: ["customerId", "name", "email", "optedOut", "consent", "consentAt", "handles.*", "lastInvitedAt"],
  purchases: ["customerId", "email", "date", "amount", "orderId", "product", "category", "returned"],
  surveys: ["customerId", "email", "date", "nps", "csat", "answers.*", "comment"],
  social: [
    "customerId", "author", "authorEmail", "platform", "date", "type", "public", "mentionsBrand", "text", "sentiment", "reach",
    "engagement", "repliesToCriticism", "postId", "inReplyTo", "rating", "title", "url",
  ],
};
const isField = (kind: ExportPreset["kind"], path: string): boolean =>
  FIELDS[kind].some((field) => (field.endsWith(".*") ? path.startsWith(field.slice(0, -1)) && path.length > field.length - 1 : field === path));

const names = (candidates: string | readonly string[]): readonly string[] => (typeof candidates === "string" ? [candidates] : candidates);

interface Fixture {
  readonly header: readonly string[];
  readonly rows: readonly Record<string, unknown>[];
}

/** A preset's fixture as records keyed by the export's own header (CSV: cells, empty ones absent; JSON: `records`). */
function readFixture(preset: ExportPreset, file: string): Fixture {
  const text = readFileSync(new URL(file, FIXTURES), "utf8");
  if (preset.records !== undefined) {
    const rows = [...preset.records(JSON.parse(text) as unknown)];
    return { header: Object.keys(rows[0] ?? {}), rows };
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header = [], ...rest] = parsed.data.map((row) => row.map((cell) => cell.trim()));
  const rows = rest.slice(preset.skipRowsAfterHeader ?? 0).map((cells) => {
    const row: Record<string, unknown> = {};
    header.forEach((name, index) => {
      const cell = cells[index];
      // A blank header cell (SurveyMonkey's multi-column questions) or an empty cell is no value.
      if (name !== "" && cell !== undefined && cell !== "" && !(name in row)) row[name] = cell;
    });
    return row;
  });
  return { header, rows };
}

/** The header's column for each of a preset's fields and extras: the first candidate present, then located columns. */
function resolveColumns(preset: ExportPreset, header: readonly string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const name of header) if (name !== "" && !byKey.has(headerKey(name))) byKey.set(headerKey(name), name);
  const resolved = new Map<string, string>();
  for (const [target, candidates] of [...Object.entries(preset.columns), ...Object.entries(preset.extraColumns ?? {})]) {
    const found = names(candidates)
      .map((candidate) => byKey.get(headerKey(candidate)))
      .find((column) => column !== undefined);
    if (found !== undefined) resolved.set(target, found);
  }
  for (const [field, column] of Object.entries(preset.locateColumns?.(header) ?? {})) if (!resolved.has(field)) resolved.set(field, column);
  return resolved;
}

type Adapted = Record<string, unknown> | { readonly skip: string };

/** One fixture row read through the preset: mapped fields and extras, constants, then `adapt`. */
function readRow(preset: ExportPreset, columns: ReadonlyMap<string, string>, row: Readonly<Record<string, unknown>>): Adapted {
  const record: Record<string, unknown> = {};
  for (const [target, column] of columns) {
    const value = row[column];
    if (value !== undefined && value !== null && value !== "") record[target] = value;
  }
  for (const [field, value] of Object.entries(preset.constants ?? {})) if (!(field in record)) record[field] = value;
  return preset.adapt === undefined ? record : preset.adapt(record);
}

const isSkip = (result: Adapted): result is { readonly skip: string } => typeof (result as { skip?: unknown }).skip === "string";

interface Read {
  readonly fixture: Fixture;
  readonly columns: ReadonlyMap<string, string>;
  readonly results: readonly Adapted[];
  readonly records: readonly Record<string, unknown>[];
  readonly skips: Readonly<Record<string, number>>;
}

function readThrough(preset: ExportPreset, file: string): Read {
  const fixture = readFixture(preset, file);
  const columns = resolveColumns(preset, fixture.header);
  const results = fixture.rows.map((row) => readRow(preset, columns, row));
  const skips: Record<string, number> = {};
  for (const result of results) if (isSkip(result)) skips[result.skip] = (skips[result.skip] ?? 0) + 1;
  return { fixture, columns, results, records: results.filter((result) => !isSkip(result)), skips };
}

const FIXTURE_OF: Record<keyof typeof EXPORT_PRESETS, string> = {
  "shopify-orders": "shopify-orders.csv",
  "woocommerce-orders": "woocommerce-orders.csv",
  "stripe-payments": "stripe-payments.csv",
  qualtrics: "qualtrics.csv",
  surveymonkey: "surveymonkey.csv",
  typeform: "typeform.csv",
  delighted: "delighted.json",
  "x-api-v2": "x-api-v2.json",
  reddit: "reddit.json",
  "social-listening": "social-listening.csv",
  "trustpilot-reviews": "trustpilot-reviews.csv",
};

describe.each(Object.entries(EXPORT_PRESETS))("preset %s", (name, preset) => {
  const file = FIXTURE_OF[name as keyof typeof EXPORT_PRESETS];
  const read = readThrough(preset, file);

  it("is named, cites its documentation and maps only the library's fields", () => {
    expect(preset.name).toBe(name);
    expect(preset.title.length).toBeGreaterThan(10);
    expect(preset.documentation.length).toBeGreaterThan(0);
    for (const page of preset.documentation) expect(page).toMatch(/^https:\/\/[^\s]+$/);
    for (const field of Object.keys(preset.columns)) expect(isField(preset.kind, field), field).toBe(true);
    for (const field of Object.keys(preset.constants ?? {})) expect(isField(preset.kind, field), field).toBe(true);
    // Extra-column names are the adapter's own: never a field path, or they would be validated as one.
    for (const extra of Object.keys(preset.extraColumns ?? {})) expect(isField(preset.kind, extra), extra).toBe(false);
    if (preset.extraColumns !== undefined) expect(preset.adapt).toBeTypeOf("function");
  });

  it("finds every column it maps in its fixture's header, by the header rule", () => {
    expect(read.fixture.rows.length).toBeGreaterThanOrEqual(10);
    expect(read.fixture.rows.length).toBeLessThanOrEqual(40);
    const keys = new Set(read.fixture.header.map(headerKey));
    for (const [target, candidates] of [...Object.entries(preset.columns), ...Object.entries(preset.extraColumns ?? {})]) {
      expect(names(candidates).some((candidate) => keys.has(headerKey(candidate))), `${target} ← ${names(candidates).join(" | ")}`).toBe(true);
    }
    for (const column of preset.acknowledgedColumns ?? []) expect(keys.has(headerKey(column)), column).toBe(true);
  });

  it("turns every fixture row into library fields or a stated skip", () => {
    for (const result of read.results) {
      if (isSkip(result)) {
        expect(result.skip.length).toBeGreaterThan(5);
        continue;
      }
      for (const key of Object.keys(result)) expect(isField(preset.kind, key), `${key} in ${JSON.stringify(result)}`).toBe(true);
      expect(result.date, JSON.stringify(result)).toBeDefined();
    }
    expect(read.records.length).toBeGreaterThan(read.results.length / 2);
  });

  if (preset.records !== undefined) it("reads its JSON document into flat records, each with every mapped key", () => {
    const mapped = [...Object.values(preset.columns), ...Object.values(preset.extraColumns ?? {})].flatMap(names);
    for (const row of read.fixture.rows) {
      for (const key of mapped) expect(Object.hasOwn(row, key), key).toBe(true);
      for (const value of Object.values(row)) expect(value === null || typeof value !== "object", JSON.stringify(value)).toBe(true);
    }
  });

  if (preset.dateFormat !== undefined) it("states the date form its fixture is written in", () => {
    for (const record of read.records) {
      const date = parse(String(record.date), preset.dateFormat as string, new Date(2026, 0, 1));
      expect(isValid(date), String(record.date)).toBe(true);
    }
  });
});

/** The records of a preset's fixture, by one of their fields. */
function recordsBy(name: keyof typeof EXPORT_PRESETS, field: string): Map<unknown, Record<string, unknown>> {
  const read = readThrough(EXPORT_PRESETS[name], FIXTURE_OF[name]);
  return new Map(read.records.map((record) => [record[field], record]));
}

describe("purchases presets", () => {
  it("shopify-orders counts each order once, on its first row, and reports the line-item rows it leaves out", () => {
    const read = readThrough(EXPORT_PRESETS["shopify-orders"], "shopify-orders.csv");
    expect(read.fixture.rows).toHaveLength(32);
    expect(read.skips).toEqual({ "line-item continuation row (its order is counted once, on its first row)": 9, "voided order (no money was taken)": 1 });
    expect(read.records).toHaveLength(22);
    expect(new Set(read.records.map((record) => record.orderId)).size).toBe(22);
    const orders = recordsBy("shopify-orders", "orderId");
    expect(orders.get("#1001")).toEqual({
      email: "ava.lindqvist@example.com",
      orderId: "#1001",
      date: "2026-03-02 09:14:22 -0800",
      amount: "35.95",
      product: "House Blend Whole Bean 1kg",
      returned: false,
    });
    // A partial refund: $51.00 less the $6.00 refunded.
    expect(orders.get("#1005")).toMatchObject({ amount: 45, returned: false });
    expect(orders.get("#1008")).toMatchObject({ amount: "37.95", returned: true });
    // A pending (manual payment) order is an order placed; its date is when it was created, `Paid at` being blank.
    expect(orders.get("#1018")).toMatchObject({ date: "2026-09-03 14:03:59 -0700", returned: false });
    expect(orders.has("#1010")).toBe(false);
  });

  it("woocommerce-orders skips unpaid orders, marks refunds and reads the product from the line item", () => {
    const read = readThrough(EXPORT_PRESETS["woocommerce-orders"], "woocommerce-orders.csv");
    expect(read.skips).toEqual({ "order not paid (pending, failed or cancelled)": 2 });
    const orders = recordsBy("woocommerce-orders", "orderId");
    expect(orders.get("2041")).toEqual({
      email: "farid.haddad@example.net",
      orderId: "2041",
      date: "2026-03-14 11:02:45",
      amount: "30.50",
      product: "House Blend Whole Bean 1kg",
      returned: false,
    });
    expect(orders.get("2044")).toMatchObject({ returned: true, product: "Pour-Over Kettle" });
    expect(orders.get("2050")).toMatchObject({ returned: false });
    // The plugin's documented date form is month first (9/6/2016 6:29:00): read as such, never day first.
    expect(EXPORT_PRESETS["woocommerce-orders"].adapt?.({ date: "9/6/2016 6:29:00", amount: "1", status: "completed" })).toMatchObject({
      date: "2016-09-06 06:29:00",
    });
  });

  it("stripe-payments leaves out failed, test and uncaptured charges and takes refunds off", () => {
    const read = readThrough(EXPORT_PRESETS["stripe-payments"], "stripe-payments.csv");
    expect(read.skips).toEqual({
      "failed payment (no money was taken)": 1,
      "test-mode payment": 1,
      "authorised but never captured": 1,
    });
    const [first] = read.records;
    expect(first).toEqual({
      email: "ben.okafor@example.net",
      orderId: "ch_3jvOLC4Jc3yotbTXLPOt5rpv",
      date: "2026-07-05 18:40",
      amount: "28.00",
      product: "Subscription update",
      returned: false,
    });
    const isla = read.records.filter((record) => record.email === "isla.murphy@example.net");
    expect(isla.map((record) => record.returned)).toEqual([false, true, false]);
    const keiko = read.records.filter((record) => record.email === "keiko.tanaka@example.org");
    expect(keiko.map((record) => record.amount)).toEqual(["28.00", 14]);
  });
});

describe("survey presets", () => {
  it("qualtrics skips its two extra header rows and previews, and finds the NPS question by its group column", () => {
    const preset = EXPORT_PRESETS.qualtrics;
    const read = readThrough(preset, "qualtrics.csv");
    expect(read.fixture.rows).toHaveLength(10);
    expect(read.columns.get("nps")).toBe("Q1");
    expect(read.columns.get("comment")).toBe("NPS_Reason");
    expect(read.skips).toEqual({ "survey preview, test or spam response": 1 });
    expect(read.records[0]).toEqual({
      customerId: "C1001",
      email: "ava.lindqvist@example.com",
      date: "2026-08-03 09:14:51",
      nps: 10,
      comment: "Always fresh, and they answer e-mails within hours.",
    });
    // A response left unfinished still answered the NPS question.
    expect(read.records.find((record) => record.customerId === "C1011")).toMatchObject({ nps: 7 });
    expect(preset.locateColumns?.(["Q7", "Q7_NPS_GROUP"])).toEqual({ nps: "Q7" });
  });

  it("surveymonkey reads row one as the header, skips row two, and reads CSAT labels as 1–5", () => {
    const read = readThrough(EXPORT_PRESETS.surveymonkey, "surveymonkey.csv");
    expect(read.fixture.rows).toHaveLength(12);
    expect(read.columns.get("nps")).toBe("How likely is it that you would recommend Northwind Coffee to a friend or colleague?");
    expect(read.records[0]).toEqual({
      customerId: "C1003",
      email: "chloe.martin@example.org",
      date: "09/01/2026 08:02:11 AM",
      nps: 9,
      csat: 5,
      comment: "Beautiful single origins.",
    });
    expect(read.records.map((record) => record.csat)).toEqual([5, 2, 4, 3, 4, 3, 5, 5, 5, 5, 4, 1]);
    // Without a custom value the e-mail is the join key.
    expect(read.records[2]).not.toHaveProperty("customerId");
  });

  it("typeform finds the NPS and CSAT questions by their text, takes hidden fields, and skips empty partials", () => {
    const read = readThrough(EXPORT_PRESETS.typeform, "typeform.csv");
    expect(read.columns.get("nps")).toBe("How likely are you to recommend Northwind Coffee to a friend or colleague?");
    expect(read.columns.get("comment")).toBe("What's the main reason for your score?");
    expect(read.skips).toEqual({ "partial response with no answer": 1 });
    expect(read.records[0]).toEqual({
      customerId: "C1001",
      email: "ava.lindqvist@example.com",
      date: "2026-06-20 08:12:40",
      nps: 10,
      csat: "5",
      comment: "Freshest beans I can get delivered, and support fixed a grind mix-up for me in a day.",
    });
    // A partial response that answered the NPS question is kept; its date is when it was started.
    expect(read.records.find((record) => record.email === "noah.williams@example.com")).toEqual({
      email: "noah.williams@example.com",
      date: "2026-07-14 08:57:54",
      nps: 8,
    });
  });

  it("delighted routes each score by survey type and reads Unix dates", () => {
    const read = readThrough(EXPORT_PRESETS.delighted, "delighted.json");
    expect(read.fixture.rows).toHaveLength(11);
    expect(read.skips).toEqual({
      "not an NPS or CSAT survey response": 1,
      "response without the person's e-mail (export with expand[]=person)": 1,
    });
    expect(read.records[0]).toEqual({ email: "ava.lindqvist@example.com", date: "2026-10-05T09:01:12.000Z", nps: 10, comment: "Fresh every single time." });
    expect(read.records.find((record) => record.email === "elena.rossi@example.com")).toEqual({
      email: "elena.rossi@example.com",
      date: "2026-10-06T12:00:03.000Z",
      csat: 5,
    });
  });
});

describe("social presets", () => {
  it("x-api-v2 joins tweets to their authors, threads replies and sums public metrics", () => {
    const read = readThrough(EXPORT_PRESETS["x-api-v2"], "x-api-v2.json");
    // 16 tweets in `data`, and the brand's post that one of them quotes, from `includes.tweets`.
    expect(read.fixture.rows).toHaveLength(17);
    expect(read.skips).toEqual({});
    const tweets = new Map(read.records.map((record) => [record.postId, record]));
    const critic = "1846000000000000101";
    expect(tweets.get("1846000000000000102")).toEqual({
      author: "avabrews",
      date: "2026-10-14T15:40:03.000Z",
      text: expect.stringContaining("Their support fixed a wrong grind") as unknown,
      postId: "1846000000000000102",
      inReplyTo: critic,
      reach: 2210,
      platform: "twitter",
      public: true,
      type: "reply",
      engagement: 21,
      url: "https://x.com/avabrews/status/1846000000000000102",
    });
    expect(tweets.get(critic)).toMatchObject({ author: "coffeecritic99", type: "post", engagement: 64, reach: 5310 });
    expect(tweets.get(critic)).not.toHaveProperty("inReplyTo");
    expect(tweets.get("1846000000000000110")).toMatchObject({ author: "elenarossi", type: "share" });
    expect(tweets.get("1846000000000000111")).toMatchObject({ author: "islamurphy", type: "post" });
    const defenders = read.records.filter((record) => record.inReplyTo === critic).map((record) => record.author);
    expect(defenders).toEqual(["NorthwindCoffee", "latte_larry", "benokafor", "avabrews"]);
  });

  it("x-api-v2 reports a tweet whose author the response did not include", () => {
    const preset = EXPORT_PRESETS["x-api-v2"];
    const [row] = [...(preset.records?.({ data: [{ id: "9", text: "hi", author_id: "404", created_at: "2026-01-01T00:00:00.000Z" }] }) ?? [])];
    expect(row).toHaveProperty("author.username", undefined);
    expect(preset.adapt?.({ date: "2026-01-01T00:00:00.000Z", postId: "9" })).toEqual({
      skip: "author not in includes.users (request expansions=author_id)",
    });
  });

  it("reddit walks the comment tree, threads comments by fullname and reports what it cannot read", () => {
    const read = readThrough(EXPORT_PRESETS.reddit, "reddit.json");
    expect(read.fixture.rows).toHaveLength(11);
    expect(read.skips).toEqual({ "'load more comments' stub (those comments are not in the file)": 1, "deleted author": 1 });
    const byId = new Map(read.records.map((record) => [record.postId, record]));
    expect(byId.get("t3_1g8k2xq")).toMatchObject({
      author: "beanhunter_pdx",
      type: "post",
      date: "2026-10-18T14:03:11.000Z",
      text: "Northwind Coffee subscription, worth it?\n\nThinking about the Northwind Coffee monthly subscription. Anyone been on it a while? Is the coffee actually fresh when it shows up?",
      // 57 net votes and 10 comments.
      engagement: 67,
      url: "https://www.reddit.com/r/Coffee/comments/1g8k2xq/northwind_coffee_subscription_worth_it/",
      platform: "reddit",
    });
    expect(byId.get("t1_lsx2a9d")).toMatchObject({ author: "ava_brews", type: "comment", inReplyTo: "t3_1g8k2xq", engagement: 41 });
    expect(byId.get("t1_lsx4k21")).toMatchObject({ author: "faridh", type: "reply", inReplyTo: "t1_lsx2a9d" });
    // A customer answering a critical comment, and the critic's answer to her: the thread comes out whole.
    expect(byId.get("t1_lsx8d1r")).toMatchObject({ author: "ava_brews", type: "reply", inReplyTo: "t1_lsx6c8e" });
    expect(byId.get("t1_lsx9e4t")).toMatchObject({ author: "grinder_grump", inReplyTo: "t1_lsx8d1r" });
  });

  it("social-listening reads a Brandwatch-style export: threads by URL, platforms by name", () => {
    const read = readThrough(EXPORT_PRESETS["social-listening"], "social-listening.csv");
    expect(read.fixture.rows).toHaveLength(12);
    const root = "http://twitter.com/coffeecritic99/statuses/1846000000000000101";
    const byUrl = new Map(read.records.map((record) => [record.postId, record]));
    expect(byUrl.get(root)).toEqual({
      author: "coffeecritic99",
      date: "2026-10-14 15:02:17.0",
      platform: "twitter",
      type: "post",
      text: expect.stringContaining("arrived stale") as unknown,
      sentiment: "negative",
      reach: "5310",
      engagement: "64",
      postId: root,
      url: root,
      public: true,
    });
    expect(byUrl.get("http://twitter.com/avabrews/statuses/1846000000000000102")).toMatchObject({ type: "reply", inReplyTo: root, sentiment: "positive" });
    expect(read.records.filter((record) => record.inReplyTo === root)).toHaveLength(3);
    expect(read.records.map((record) => record.platform)).toContain("news");
    // A self-referencing thread link (a thread's first post) is no parent.
    expect(read.records.find((record) => record.platform === "instagram")).not.toHaveProperty("inReplyTo");
  });

  it("social-listening sums likes, comments and shares when the export has no engagement total", () => {
    const adapted = EXPORT_PRESETS["social-listening"].adapt?.({ date: "2026-01-01", platform: "X", likes: "4", comments: "1", shares: "2" });
    expect(adapted).toMatchObject({ platform: "twitter", engagement: 7 });
    // Talkwalker's documents are dated in Unix milliseconds; a compact YYYYMMDD date is left as it is.
    const adapt = EXPORT_PRESETS["social-listening"].adapt;
    expect(adapt?.({ date: "1791190872000", platform: "SOCIALMEDIA_TWITTER" })).toMatchObject({ date: "2026-10-05T09:01:12.000Z", platform: "twitter" });
    expect(adapt?.({ date: "20261005", platform: "news" })).toMatchObject({ date: "20261005" });
  });

  it("trustpilot-reviews reads stars, title, text and the reviewer's e-mail as brand reviews", () => {
    const read = readThrough(EXPORT_PRESETS["trustpilot-reviews"], "trustpilot-reviews.csv");
    expect(read.records[0]).toEqual({
      author: "Ava L.",
      authorEmail: "ava.lindqvist@example.com",
      date: "2026-03-09 10:15:22",
      title: "Fresh, fast, friendly",
      text: "Ordered the House Blend and it arrived three days after roasting. Support answered my grind question within an hour.",
      rating: "5",
      postId: "a16aa9358fda90896ec6fdf2",
      platform: "trustpilot",
      type: "review",
      public: true,
      mentionsBrand: true,
    });
    // An organic review carries no e-mail: it joins no customer, and is counted as such by the engine.
    expect(read.records.filter((record) => record.authorEmail === undefined)).toHaveLength(2);
  });
});

describe("the fixtures are one brand's customers", () => {
  const customers = readFixture({ name: "crm", kind: "customers", title: "", documentation: [], columns: {} }, "customers.csv");

  it("customers.csv is a CRM export whose columns mostly meet the header rule, with one opted-out customer", () => {
    expect(customers.rows).toHaveLength(15);
    const matched = customers.header.filter((name) => ["customerid", "name", "email", "optedout", "consent", "lastinvitedat"].includes(headerKey(name)));
    expect(matched).toEqual(["Customer ID", "Name", "Email", "Opted Out", "Consent", "Last Invited At"]);
    expect(customers.rows.filter((row) => row["Opted Out"] === "yes").map((row) => row.Name)).toEqual(["Grace Kim"]);
  });

  it("the same people appear by e-mail in the orders and survey exports and by handle on X", () => {
    const emails = new Set(customers.rows.map((row) => row.Email));
    const handles = new Set(customers.rows.map((row) => String(row.Twitter ?? "").replace(/^@/, "")).filter((handle) => handle !== ""));
    for (const name of ["shopify-orders", "woocommerce-orders", "stripe-payments", "typeform", "qualtrics", "surveymonkey", "delighted"] as const) {
      const read = readThrough(EXPORT_PRESETS[name], FIXTURE_OF[name]);
      for (const record of read.records) if (record.email !== undefined) expect(emails.has(record.email), `${name}: ${String(record.email)}`).toBe(true);
    }
    const authors = readThrough(EXPORT_PRESETS["x-api-v2"], "x-api-v2.json").records.map((record) => String(record.author));
    const customersOnX = authors.filter((author) => handles.has(author));
    const others = [...new Set(authors.filter((author) => !handles.has(author)))].sort();
    expect(customersOnX.length).toBeGreaterThanOrEqual(10);
    // Public voices who are not known customers (a critic, defenders, onlookers) and the brand itself.
    expect(others).toEqual(["NorthwindCoffee", "beanwatcher", "coffeecritic99", "latte_larry", "randomroaster"]);
    expect(authors).toContain("gracekim_");
  });
});

describe("the preset registry", () => {
  it("finds a preset by its name, an alias, or a name typed loosely", () => {
    expect(presetNamed("shopify-orders")).toBe(EXPORT_PRESETS["shopify-orders"]);
    expect(presetNamed("shopify")).toBe(EXPORT_PRESETS["shopify-orders"]);
    expect(presetNamed("  Twitter ")).toBe(EXPORT_PRESETS["x-api-v2"]);
    expect(presetNamed("Social_Listening")).toBe(EXPORT_PRESETS["social-listening"]);
    for (const [alias, name] of Object.entries(PRESET_ALIASES)) expect(presetNamed(alias).name).toBe(name);
  });

  it("any spelling of a name in case, spaces or underscores finds the same preset", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(EXPORT_PRESETS)), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.boolean(), (name, upper, spaces) => {
        const typed = [...name].map((letter, index) => (upper[index] === true ? letter.toUpperCase() : letter)).join("").replace(/-/g, spaces ? " " : "_");
        expect(presetNamed(typed).name).toBe(name);
      }),
    );
  });

  it("an unknown name is an error that says which preset was meant and lists them all", () => {
    expect(() => presetNamed("shopfy")).toThrow('unknown export preset "shopfy": did you mean "shopify-orders"? Presets: shopify-orders, woocommerce-orders,');
    expect(() => presetNamed("typefrom")).toThrow('did you mean "typeform"?');
    expect(() => presetNamed("qualtrix")).toThrow('did you mean "qualtrics"?');
    expect(() => presetNamed("brandwach")).toThrow('did you mean "social-listening"?');
    expect(() => presetNamed("zzzzzz")).toThrow(/^unknown export preset "zzzzzz": Presets: /);
    // A name is data: object keys such as __proto__ resolve to nothing.
    expect(() => presetNamed("__proto__")).toThrow("unknown export preset");
    expect(() => presetNamed("constructor")).toThrow("unknown export preset");
    expect(() => presetNamed("x".repeat(200))).toThrow(`"${"x".repeat(40)}…"`);
  });

  it("the edit distance behind the suggestions is symmetric and zero only for equal names, and suggestions are deterministic", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        if (a !== b) expect(editDistance(a, b)).toBeGreaterThan(0);
      }),
    );
    expect(didYouMean("stripe-charge", ["stripe-payments", "stripe-charges"])).toBe("stripe-charges");
    expect(didYouMean("", ["typeform"])).toBeUndefined();
  });
});

describe("raw value readers", () => {
  it("read only what they can read for certain", () => {
    expect(plainNumber("53.91")).toBe(53.91);
    expect(plainNumber("1,234.50")).toBeUndefined();
    expect(isoFromUnixSeconds(1772633521)).toBe("2026-03-04T14:12:01.000Z");
    expect(isoFromUnixSeconds("soon")).toBeUndefined();
    expect(leadingWholeNumber("10 - Extremely likely")).toBe(10);
    expect(leadingWholeNumber("0 = Not at all likely")).toBe(0);
    expect(leadingWholeNumber("100%")).toBeUndefined();
    expect(leadingWholeNumber("7.5")).toBeUndefined();
    expect(satisfactionScore("Neither satisfied nor dissatisfied")).toBe(3);
    expect(satisfactionScore("Meh")).toBe("Meh");
  });
});
