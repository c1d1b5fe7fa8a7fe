import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { identifyAdvocates, loadData, probabilityAlive, type AdvocateResult } from "../src/index.js";
import { aliveMatrix, escapeHtml, renderReport, type ReportOptions } from "../src/report/index.js";
import { HOSTILE_STRINGS } from "./fixtures/hostile.js";

const dataDir = fileURLToPath(new URL("../examples/data/", import.meta.url));
const outDir = fileURLToPath(new URL("../.vitest/", import.meta.url));
const CHROMIUM = "/usr/bin/chromium";
const EVIL = '<script>alert("pwned")</script><img src=x onerror=alert(1)> Thomas';
const BACKTEST = { k: 50, precisionAtK: 0.42, liftOverRandom: 7.9, liftOverNps: 2.3 };

let result: AdvocateResult;
let options: ReportOptions;
let html: string;
let renderMs: number;

beforeAll(async () => {
  const { data, sourceNames } = await loadData({
    customers: `${dataDir}customers.csv`,
    purchases: `${dataDir}purchases.csv`,
    surveys: `${dataDir}surveys.csv`,
    social: `${dataDir}social.csv`,
  });
  // Everyone scored, for the scatter; its best customer is also the listed #1, whose name we then poison, and the
  // next ones get the other hostile names (formulas, Markdown and HTML attacks, terminal escapes).
  const everyone = identifyAdvocates(data, { sourceNames, minimum: { loyalty: 0, commitment: 0, voice: 0 } });
  const names = new Map([EVIL, ...HOSTILE_STRINGS].map((name, index) => [everyone.advocates[index]!.customerId, name]));
  const customers = [...(data.customers ?? [])].map((row) => (names.has(String(row.customerId)) ? { ...row, name: names.get(String(row.customerId)) } : row));
  result = identifyAdvocates({ ...data, customers }, { sourceNames });
  options = { population: everyone.advocates, backtest: BACKTEST, title: "Northwind Coffee <advocates>" };
  const started = performance.now();
  html = await renderReport(result, options);
  renderMs = performance.now() - started;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}report.html`, html);
}, 60_000);

describe("renderReport on the bundled sample", () => {
  it("renders in a few seconds", () => {
    expect(result.advocates[0]!.name).toBe(EVIL);
    expect(renderMs).toBeLessThan(10_000);
  });

  it("is self-contained: no script, and nothing loaded from the network", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    // Stricter than needed, and true of this sample: no absolute URL anywhere (SVG namespaces are stripped) but in the
    // hostile names, where they are escaped text.
    const withoutNames = HOSTILE_STRINGS.reduce((page, name) => page.split(escapeHtml(name)).join(""), html);
    expect(/https?:\/\//i.test(withoutNames)).toBe(false);
  });

  it("inlines the four charts as SVG, plus the backtest when given", () => {
    expect(html.match(/<svg\b/g)).toHaveLength(4);
    for (const chart of ["segments", "scatter", "alive", "backtest"]) expect(html).toContain(`data-chart="${chart}"`);
    const ids = Array.from(html.matchAll(/\sid="([^"]+)"/g), (match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length); // no clash between the inlined charts' clip paths and gradients
  });

  it("omits the backtest chart without a backtest", async () => {
    const without = await renderReport(result, { population: options.population });
    expect(without.match(/<svg\b/g)).toHaveLength(3);
    expect(without).not.toContain('data-chart="backtest"');
  });

  it("escapes customer text and the title", () => {
    expect(html).toContain(escapeHtml(EVIL));
    const listed = result.advocates.slice(0, 25).map((advocate) => advocate.name);
    for (const hostile of HOSTILE_STRINGS) if (listed.includes(hostile)) expect(html).toContain(escapeHtml(hostile));
    expect(listed.filter((name) => HOSTILE_STRINGS.includes(name ?? "")).length).toBeGreaterThan(10);
    expect(html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("<title>Northwind Coffee &lt;advocates&gt;</title>");
    expect(html).not.toContain("<img");
  });

  it("shows the headline numbers: scored, listed, exclusions, NPS ± SE, the models", () => {
    const nps = result.model.commitment.nps!;
    expect(html).toContain(result.scored.toLocaleString("en-US"));
    expect(html).toContain(`${result.excluded.optedOut} opted out`);
    expect(html).toContain(`${nps.nps.toFixed(1)} ± ${nps.standardError.toFixed(1)}`);
    expect(html).toContain("BG/NBD repeat-buying model");
    expect(html).toContain(result.model.voice.model.method === "learned" ? "weights learned from this data" : "documented default weights");
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it("is byte-identical across renders", async () => {
    expect(await renderReport(result, options)).toBe(html);
  });

  it("says when the scatter shows only the listed advocates", async () => {
    const listedOnly = await renderReport(result);
    expect(listedOnly).toContain(`only the ${result.advocates.length} listed advocates`);
  });
});

describe("aliveMatrix", () => {
  const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it("is lifetimes' matrix: P(alive) at T for each frequency × recency band", () => {
    const matrix = aliveMatrix(params, 20, 39);
    expect(matrix.cells).toHaveLength(21 * 39);
    for (const cell of matrix.cells.filter((cell) => cell.frequency === 0)) expect(cell.probabilityAlive).toBe(1);
    const cell = matrix.cells.find((each) => each.frequency === 5 && each.recency === 10)!;
    expect(cell.probabilityAlive).toBeCloseTo(probabilityAlive(params, 5, 10.5, 39), 12);
    // More recent last purchase → more likely alive, at every frequency.
    const row = matrix.cells.filter((each) => each.frequency === 10).map((each) => each.probabilityAlive);
    expect(row).toEqual([...row].sort((a, b) => a - b));
  });

  it("bands large grids, keeping frequency 0 on its own", () => {
    const matrix = aliveMatrix(params, 300, 500, 50);
    const frequencies = [...new Set(matrix.cells.map((cell) => cell.frequency))];
    expect(frequencies.length).toBeLessThanOrEqual(50);
    expect(frequencies.slice(0, 2)).toEqual([0, 1]);
    expect(matrix.cells.every((cell) => Number.isFinite(cell.probabilityAlive) && cell.recencyEnd <= 500)).toBe(true);
  });
});

describe.skipIf(!existsSync(CHROMIUM))(`in headless Chromium (skipped: no ${CHROMIUM}; apt-get install chromium)`, () => {
  it("opens offline without errors, draws every chart, and screenshots", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      const fetched: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      const url = pathToFileURL(`${outDir}report.html`).href;
      await page.route("**/*", async (route) => {
        if (route.request().url() === url) return route.continue();
        fetched.push(route.request().url());
        return route.abort();
      });
      await page.goto(url, { waitUntil: "load" });
      const boxes = await page.$$eval("figure.chart", (figures) =>
        figures.map((figure) => {
          const box = figure.querySelector("svg")!.getBoundingClientRect();
          return { chart: figure.getAttribute("data-chart"), width: box.width, height: box.height };
        }),
      );
      expect(boxes.map((box) => box.chart)).toEqual(["segments", "scatter", "alive", "backtest"]);
      for (const box of boxes) {
        expect(box.width, box.chart ?? "").toBeGreaterThan(100);
        expect(box.height, box.chart ?? "").toBeGreaterThan(100);
      }
      // The poisoned names are shown as text, not run or parsed: no element, link or image comes out of them.
      expect(await page.locator("table.advocates tbody tr").first().innerText()).toContain('<script>alert("pwned")</script>');
      expect(await page.locator("table.advocates img, body script, body iframe, body a, body h2:not(:is(main > h2))").count()).toBe(0);
      const shown = await page.$$eval("table.advocates td.who", (cells) => cells.map((cell) => cell.firstChild?.textContent ?? ""));
      for (const hostile of HOSTILE_STRINGS) {
        const advocate = result.advocates.slice(0, 25).find((each) => each.name === hostile);
        // The browser shows the text as written (HTML turns NUL into U+FFFD and CR LF into LF when it parses).
        if (advocate !== undefined) expect(shown).toContain(hostile.replace(/\u0000/g, "\ufffd").replace(/\r\n?/g, "\n"));
      }
      expect(await page.locator("[onerror], [onload], [href^='javascript']").count()).toBe(0);
      await page.screenshot({ path: `${outDir}report.png`, fullPage: true });
      expect(problems).toEqual([]);
      expect(fetched).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
