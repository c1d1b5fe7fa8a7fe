import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { archetypeData } from "../fixtures/archetypes.js";
import { TERMINAL_STRINGS } from "../fixtures/hostile.js";
import { writeFixtureCsv } from "../fixtures/write-csv.js";

const files = writeFixtureCsv(archetypeData());
const dataArgs = ["--customers", files.customers, "--purchases", files.purchases, "--surveys", files.surveys, "--social", files.social];
const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const NO_TRACE = /\n\s+at |Error:|node:internal/;
const ESCAPES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("CLI: numbers, flags and files that cannot be mistaken", () => {
  it.each(["0x10", "0b11", "1e1", "+5", "5.0", " 5", "-1", "0"])("refuses --top %j: decimal digits only, at least 1", (top) => {
    const run = cli("rank", ...dataArgs, "--top", top);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^brand-advocates: --top expects a whole number (in decimal digits|≥ 1), got /);
    expect(run.stderr).not.toMatch(NO_TRACE);
  });

  it("refuses flags that do not apply to the command, saying where they belong", () => {
    expect(cli("rank", ...dataArgs, "--out", "x.html")).toMatchObject({ code: 2, stderr: expect.stringContaining("--out does not apply to rank (it is a flag of report, fit)") });
    expect(cli("rank", ...dataArgs, "--split-date", "2026-05-01")).toMatchObject({ code: 2, stderr: expect.stringContaining("--split-date does not apply to rank (it is a flag of backtest, report)") });
    expect(cli("arm", ...dataArgs, "--platform", "twitter", "--criticism-text", "slow", "--k", "5")).toMatchObject({ code: 2, stderr: expect.stringContaining("--k does not apply to arm (it is a flag of backtest, report)") });
    expect(cli("udf", "--model", "m.json", "--dialect", "snowflake", "--purchases", files.purchases)).toMatchObject({ code: 2, stderr: expect.stringContaining("--purchases does not apply to udf") });
  });

  it("refuses a single-valued flag given twice, and the same file given twice", () => {
    expect(cli("rank", ...dataArgs, "--top", "5", "--top", "6")).toMatchObject({ code: 2, stderr: expect.stringContaining("--top was given twice") });
    expect(cli("arm", ...dataArgs, "--platform", "twitter", "--platform", "reddit", "--criticism-text", "slow")).toMatchObject({ code: 2, stderr: expect.stringContaining("--platform was given twice") });
    const twice = cli("rank", "--purchases", files.purchases, "--purchases", join(files.dir, ".", "purchases.csv"));
    expect(twice).toMatchObject({ code: 2, stderr: expect.stringContaining("are the same file: give each file once") });
    const link = join(files.dir, "link-to-purchases.csv");
    if (!existsSync(link)) symlinkSync(files.purchases, link);
    expect(cli("rank", "--purchases", files.purchases, "--purchases", link).stderr).toContain("are the same file");
    expect(cli("rank", "--customers", files.purchases, "--purchases", files.purchases).stderr).toContain(`--customers ${files.purchases} and --purchases ${files.purchases} are the same file`);
  });

  it("suggests the flag or command meant, and has --version and per-command --help", () => {
    expect(cli("rank", "--tpo", "5")).toMatchObject({ code: 2, stderr: expect.stringContaining("(Did you mean --top?)") });
    expect(cli("rnk")).toMatchObject({ code: 2, stderr: expect.stringContaining("(Did you mean rank?)") });
    expect(cli("--version")).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
    for (const command of ["rank", "arm", "explain", "backtest", "report", "fit", "udf"]) {
      const help = cli(command, "--help");
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: brand-advocates ${command} `));
      expect(help.stdout).toContain("Exit codes: 0 success, 1 unexpected error, 2 bad usage or input, 3 output file not written, 4 nothing could be read.");
    }
    expect(cli("help", "report").stdout).toContain("--force");
    expect(cli("--help").stdout).toMatch(/Exit codes: 0 success .*\n2 bad usage or bad input .* 3 output file not written/);
  });

  it(`caps --workers at the cores available (${availableParallelism()} here) and says so`, () => {
    const run = cli("rank", ...dataArgs, "--workers", "512", "--top", "1");
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`note: --workers 512 capped at ${availableParallelism()}, the cores available`);
  });
});

describe("CLI: output files that cannot destroy anything", () => {
  it("refuses to write over an input file", () => {
    for (const command of ["fit", "report"]) {
      const run = cli(command, ...dataArgs, "--out", files.purchases);
      expect(run).toMatchObject({ code: 3, stderr: `brand-advocates: --out ${files.purchases} is one of the input files: refusing to write over it\n` });
      // Even with --force: an input is never an output.
      expect(cli(command, ...dataArgs, "--out", files.customers, "--force").code).toBe(3);
    }
    expect(readFileSync(files.purchases, "utf8").startsWith("customerId,")).toBe(true);
    expect(readFileSync(files.customers, "utf8").startsWith("customerId,")).toBe(true);
  });

  it("refuses to replace an existing file unless --force", () => {
    const out = join(files.dir, "model.json");
    writeFileSync(out, "keep me");
    expect(cli("fit", ...dataArgs, "--out", out)).toMatchObject({ code: 3, stderr: expect.stringContaining("already exists: add --force to replace it") });
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(cli("fit", ...dataArgs, "--out", out, "--force").code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ format: "brand-advocates/model" });
  });

  it("says why an --out cannot be written, with exit code 3 and no stack trace, before reading any data", () => {
    const folder = join(files.dir, "a-folder");
    mkdirSync(folder, { recursive: true });
    const cases: Array<[string, string]> = [
      [join(files.dir, "missing", "model.json"), "the folder"],
      [folder, "is a folder: give a file path inside it"],
      ["", "--out needs a file path, got an empty one"],
    ];
    for (const [out, message] of cases) {
      const run = cli("fit", ...dataArgs, "--out", out);
      expect(run.code, out).toBe(3);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(NO_TRACE);
    }
    // The check comes first: a missing data file is not even looked at.
    expect(cli("fit", "--purchases", join(files.dir, "nope.csv"), "--out", folder).code).toBe(3);
  });

  // Root writes anywhere, so there is nothing to refuse when the suite runs as root (as CI does).
  it.skipIf(process.getuid?.() === 0)("says when the file system refuses the write", () => {
    const locked = join(files.dir, "locked");
    mkdirSync(locked, { recursive: true, mode: 0o500 });
    expect(cli("fit", ...dataArgs, "--out", join(locked, "model.json"))).toMatchObject({ code: 3, stderr: expect.stringContaining("permission denied") });
    expect(statSync(locked).isDirectory()).toBe(true);
  });

  it("applies the same rules to udf --out-js", () => {
    const model = join(files.dir, "udf-model.json");
    expect(cli("fit", ...dataArgs, "--out", model, "--force").code).toBe(0);
    expect(cli("udf", "--model", model, "--dialect", "bigquery", "--library", "gs://b/s.js", "--out-js", model)).toMatchObject({ code: 3, stderr: expect.stringContaining("is one of the input files") });
  });
});

describe("CLI: a closed output pipe is a normal end", () => {
  it("ends quietly with exit code 0 when stdout closes early (| head)", async () => {
    const child = spawn(process.execPath, ["dist/cli.js", "rank", ...dataArgs, "--format", "json", "--top", "300"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Read a little, then close the pipe as `head -c 100` would.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|unexpected error|\n\s+at /);
    expect(code).toBe(0);
  });

  it("also through a shell pipe", () => {
    const run = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" dist/cli.js rank ${dataArgs.map((arg) => `'${arg}'`).join(" ")} --format json --top 300 | head -c 10 >/dev/null`], { encoding: "utf8" });
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(run.status).toBe(0);
  });
});

describe("CLI: nothing from the data can act on the terminal", () => {
  const data = archetypeData();
  // Hostile IDs for a few real customers, everywhere they appear.
  const ids = ["true-advocate", "vocal-critic", "lapsed-promoter"];
  const renamed = new Map(ids.map((id, index) => [id, `${TERMINAL_STRINGS[index]}${id}`]));
  const swap = <T extends { customerId?: string | number | undefined }>(record: T): T => ({ ...record, customerId: renamed.get(String(record.customerId)) ?? record.customerId });
  const hostile = writeFixtureCsv({ customers: data.customers.map(swap), purchases: data.purchases.map(swap), surveys: data.surveys.map(swap), social: data.social.map(swap) });
  const hostileArgs = ["--customers", hostile.customers, "--purchases", hostile.purchases, "--surveys", hostile.surveys, "--social", hostile.social];

  it("escapes control characters in the rank table, explain, notes and errors", () => {
    const table = cli("rank", ...hostileArgs, "--top", "50");
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(ESCAPES);
    expect(table.stdout).toContain("\\x1b[");
    const explained = cli("explain", `${TERMINAL_STRINGS[0]}true-advocate`, ...hostileArgs);
    expect(explained.code).toBe(0);
    expect(explained.stdout.split("\n")[0]).toBe("Customer \\x1b[31mRED\\x1b[0mtrue-advocate");
    expect(explained.stdout).not.toMatch(ESCAPES);
    const unknown = cli("explain", "nobody\u001b[2J", ...hostileArgs);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('customer "nobody\\u001b[2J" is not in the data');
    expect(unknown.stderr).not.toMatch(ESCAPES);
    const armed = cli("arm", ...hostileArgs, "--platform", "reddit", "--criticism-text", "shipping is slow");
    expect(armed.stderr).not.toMatch(ESCAPES);
  });

  it("keeps JSON exact and valid while escaping what a terminal would act on", () => {
    const json = cli("rank", ...hostileArgs, "--format", "json", "--top", "300");
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(ESCAPES);
    const ids = (JSON.parse(json.stdout) as { advocates: Array<{ customerId: string }> }).advocates.map((advocate) => advocate.customerId);
    for (const id of renamed.values()) if (ids.includes(id.trim())) expect(ids).toContain(id.trim());
    expect(ids.some((id) => /[\u001b\u009b\u202e]/.test(id))).toBe(true);
  });

  it("names a hostile file name without acting on it", () => {
    const name = join(files.dir, "bad\u001b[31m.csv");
    writeFileSync(name, "customerId,date,amount\nc1,2026-13-01,5\n");
    const run = cli("rank", "--purchases", name);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bad\\x1b[31m.csv row 1, field date");
    expect(run.stderr).not.toMatch(ESCAPES);
  });
});

describe("CLI: incentives", () => {
  it("refuses a conditioned --incentive before reading any data, and states a for-posting one", () => {
    const refused = cli("arm", "--purchases", join(files.dir, "not-read.csv"), "--platform", "twitter", "--criticism-text", "slow", "--incentive", "a free bag if you say something good about us");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--incentive "a free bag if you say something good about us" ties the reward to a condition ("if")');
    const posting = cli("arm", ...dataArgs, "--platform", "twitter", "--criticism-text", "Shipping is slow", "--brand", "Northwind", "--incentive", "a £10 voucher", "--incentive-condition", "for-posting");
    expect(posting.code).toBe(0);
    expect(posting.stdout).toContain("> Disclosure: Northwind asked me to share my experience and gave me a £10 voucher for posting, whatever I say.");
    expect(cli("arm", ...dataArgs, "--platform", "twitter", "--criticism-text", "slow", "--incentive", "a mug", "--incentive-condition", "for-5-stars")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--incentive-condition expects none or for-posting, got "for-5-stars"'),
    });
  });
});
