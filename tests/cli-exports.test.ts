import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const EXPORTS = fileURLToPath(new URL("./fixtures/exports/", import.meta.url));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function files(contents: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "cli-exports-"));
  return Object.fromEntries(Object.entries(contents).map(([name, content]) => [name, (writeFileSync(join(dir, name), content), join(dir, name))]));
}

describe("the CLI reads real exports (built)", () => {
  it("reads vendor exports with --preset (kind from the preset), CRM handles with --map, and says what it left out", () => {
    const { code, stdout, stderr } = cli(
      "rank",
      "--customers",
      `${EXPORTS}customers.csv`,
      "--map",
      "customers.handles.twitter=Twitter",
      "--purchases",
      `${EXPORTS}shopify-orders.csv`,
      "--preset",
      "shopify",
      "--surveys",
      `${EXPORTS}typeform.csv`,
      "--preset",
      "surveys=typeform",
      "--social",
      `${EXPORTS}x-api-v2.json`,
      "--preset",
      "x-api-v2",
      "--brand-name",
      "Northwind Coffee",
      "--brand-handle",
      "@NorthwindCoffee",
      "--lenient",
      "--min",
      "voice=0",
      "--format",
      "json",
    );
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as { scored: number; excluded: { optedOut: number }; unmatchedAuthors: Array<{ author: string }> };
    expect(result.scored).toBeGreaterThan(10);
    expect(result.excluded.optedOut).toBe(1);
    expect(result.unmatchedAuthors.map((author) => author.author)).toContain("coffeecritic99");
    expect(stderr).toContain("warning: shopify-orders.csv: 9 rows left out by its preset: line-item continuation row");
    expect(stderr).toContain("unmatched authors (public voices no customer record names; not scored)");
  });

  it("names its own flags in advice: --date-format for an ambiguous date, --map for a missing column, --as-of and exit 4 when nothing was read", () => {
    const paths = files({
      "dates.csv": "customerId,date,amount\nc1,03/04/2026,5\n",
      "columns.csv": "client,date,amount\nc1,2026-01-01,5\n",
      "empty.csv": "customerId,date,amount\n",
    });
    const dates = cli("rank", "--purchases", paths["dates.csv"] as string);
    expect(dates.code).toBe(2);
    expect(dates.stderr).toContain("set the date format (--date-format purchases=PATTERN, e.g. dd/MM/yyyy)");
    expect(dates.stderr).not.toContain("sources.purchases");
    const columns = cli("rank", "--purchases", paths["columns.csv"] as string);
    expect(columns.code).toBe(2);
    expect(columns.stderr).toContain("Map it with --map purchases.customerId=COLUMN");
    const empty = cli("rank", "--purchases", paths["empty.csv"] as string);
    expect(empty.code).toBe(4);
    expect(empty.stderr).toContain("Pass --as-of YYYY-MM-DD");
    const given = cli("rank", "--purchases", paths["empty.csv"] as string, "--as-of", "2026-06-30");
    expect(given.code).toBe(4);
    expect(given.stderr).toContain("warning: empty.csv: no records");
    expect(given.stderr).toContain("warning: no customer was profiled");
  });

  it("lenient mode prints the problems even when no row survives, and exits 4", () => {
    const paths = files({ "bad.csv": "customerId,date,amount\nc1,soon,5\nc2,2026-01-01,lots\n" });
    const { code, stderr } = cli("rank", "--purchases", paths["bad.csv"] as string, "--lenient");
    expect(code).toBe(4);
    expect(stderr).toContain('bad.csv row 1, field date: expected a date: YYYY-MM-DD, YYYYMMDD or an ISO date-time, got "soon"');
    expect(stderr).toContain('bad.csv row 2, field amount: expected a number, got "lots"');
  });

  it("reads European CSV with --delimiter, --decimal and --date-format, and refuses malformed reading flags", () => {
    const paths = files({ "eu.csv": "customerId;date;amount\nc1;04.03.2026;1.234,50\nc1;05.04.2026;12,50\n" });
    const { code, stdout, stderr } = cli("rank", "--purchases", paths["eu.csv"] as string, "--delimiter", ";", "--decimal", "purchases=,", "--date-format", "purchases=dd.MM.yyyy", "--format", "json", "--min", "commitment=0", "--min", "voice=0");
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as { advocates: Array<{ evidence: { loyalty: { spend: number } } }> };
    expect(result.advocates[0]?.evidence.loyalty.spend).toBe(1247);
    expect(cli("rank", "--purchases", paths["eu.csv"] as string, "--decimal", ";").stderr).toContain('--decimal expects "." or ","');
    expect(cli("rank", "--purchases", paths["eu.csv"] as string, "--map", "amount=Total").stderr).toContain("--map expects KIND.FIELD=COLUMN");
    expect(cli("rank", "--purchases", paths["eu.csv"] as string, "--preset", "shopfy").stderr).toContain('did you mean "shopify-orders"');
  });

  it("triages mentions, writes the invitations the kits make, and tracks their outcomes", () => {
    const sample = fileURLToPath(new URL("../examples/data/", import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), "cli-loop-"));
    const invitations = join(dir, "invitations.csv");
    const data = ["--customers", `${sample}customers.csv`, "--purchases", `${sample}purchases.csv`, "--surveys", `${sample}surveys.csv`, "--social", `${sample}social.csv`];
    const triage = cli("triage", ...data, "--mentions", `${EXPORTS}x-api-v2.json`, "--mentions-preset", "x-api-v2", "--brand", "Northwind Coffee", "--brand-handle", "@NorthwindCoffee", "--invitations-out", invitations, "--format", "json");
    expect(triage.code, triage.stderr).toBe(0);
    const result = JSON.parse(triage.stdout) as { threads: Array<{ id: string; owner: string; actions: string[] }>; criticism: number };
    expect(result.criticism).toBeGreaterThanOrEqual(1);
    expect(result.threads[0]?.owner).toBe("brand");
    expect(result.threads[0]?.actions[0]).toMatch(/^(Answer as the brand|Answered by the brand)/);
    expect(triage.stderr).toMatch(/wrote .*invitations\.csv: \d+ invitations/);
    const outcomes = cli("outcomes", "--invitations", invitations, "--mentions", `${EXPORTS}x-api-v2.json`, "--mentions-preset", "x-api-v2", "--format", "json");
    expect(outcomes.code, outcomes.stderr).toBe(0);
    expect((JSON.parse(outcomes.stdout) as { invited: number }).invited).toBeGreaterThanOrEqual(0);
  });
});
