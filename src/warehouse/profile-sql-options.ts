import * as z from "zod";
import { dateField } from "../schema/fields.js";
import { compareText } from "../profile/order.js";
import { toDay } from "../profile/day.js";
import { parseOptions } from "../schema/parse-options.js";
import { WAREHOUSE_DIALECTS, type WarehouseDialect } from "./sql-dialect.js";

/** Fields every record of a source must have: a table cannot declare them missing. */
export const REQUIRED_FIELDS: ReadonlySet<string> = new Set(["customerId", "date", "amount", "platform", "type"]);

/** Fields of each source that the profile query reads; a table may name its column for each (default: the field's name). */
export const WAREHOUSE_FIELDS = {
  customers: ["customerId", "name", "optedOut", "consent", "lastInvitedAt"],
  purchases: ["customerId", "date", "amount", "product", "category", "returned"],
  surveys: ["customerId", "date", "nps", "csat", "comment"],
  social: ["customerId", "date", "platform", "type", "public", "mentionsBrand", "text", "sentiment", "reach", "engagement", "repliesToCriticism"],
} as const;

/** A source of the profile query. */
export type WarehouseSource = keyof typeof WAREHOUSE_FIELDS;

/**
 * Where a record's citation row comes from: a column holding its 1-based row number (the row of the file it was
 * loaded from), or a total order of columns that numbers the rows (`ROW_NUMBER() OVER (ORDER BY …)`, one sort of
 * the whole table).
 */
export type RowNumber = string | { readonly orderBy: readonly string[] };

/** One warehouse table of a source. */
export interface WarehouseTable<Field extends string> {
  /** The table, inserted into the SQL as written: `shop.purchases`, `` `project.dataset.purchases` ``, or a subquery in parentheses. */
  readonly table: string;
  /** The source name citations carry (`purchases.csv row 118`); default: the source's name, as the JS `sourceNames` default. */
  readonly source?: string | undefined;
  /** The 1-based row number of each record (default: a column named `row`). */
  readonly row?: RowNumber | undefined;
  /**
   * Column name of each field, when it is not the field's own name (`{ customerId: "customer_id" }`); `null` for an
   * optional field the table does not have (`{ product: null }`: read as absent on every record).
   */
  readonly columns?: { readonly [F in Field]?: string | null | undefined } | undefined;
}

/**
 * Keyed columns (survey answers, customer handles): item names, each read from the dotted CSV column
 * (`answers.trust`, `handles.twitter`), or item → column name pairs.
 */
export type KeyedColumns = readonly string[] | Readonly<Record<string, string>>;

/** The customers table; `handles` names the handle columns (platform → column). */
export interface CustomerTable extends WarehouseTable<(typeof WAREHOUSE_FIELDS.customers)[number]> {
  readonly handles?: KeyedColumns | undefined;
}
/** The purchases table. */
export type PurchaseTable = WarehouseTable<(typeof WAREHOUSE_FIELDS.purchases)[number]>;
/** The surveys table; `answers` names the scale-item columns (item → column). */
export interface SurveyTable extends WarehouseTable<(typeof WAREHOUSE_FIELDS.surveys)[number]> {
  readonly answers?: KeyedColumns | undefined;
}
/** The social activity table. */
export type SocialTable = WarehouseTable<(typeof WAREHOUSE_FIELDS.social)[number]>;

/** Options of `profileSql`: the dialect, the tables (each optional), and the same exclusion options as the library. */
export interface ProfileSqlOptions {
  readonly dialect: WarehouseDialect;
  readonly customers?: CustomerTable | undefined;
  readonly purchases?: PurchaseTable | undefined;
  readonly surveys?: SurveyTable | undefined;
  readonly social?: SocialTable | undefined;
  /** "Now" for the cool-down; default: the latest purchase, survey or social day in the tables (as `asOf`). */
  readonly asOf?: Date | string | undefined;
  /** Profile only customers with `consent` true in some customer record (as `requireConsent`). */
  readonly requireConsent?: boolean | undefined;
  /** Leave out customers invited within this many days before "as of" (as `cooldownDays`, default 90). */
  readonly cooldownDays?: number | undefined;
  /** Sort the rows by customer ID (default true); turn it off when the rows go into a table, to save one sort. */
  readonly ordered?: boolean | undefined;
}

/** A table with every default applied. */
export interface ResolvedTable {
  readonly table: string;
  readonly source: string;
  readonly row: RowNumber;
  /** Column name of each field; `null` when the table has none (the field is absent on every record). */
  readonly columns: Readonly<Record<string, string | null>>;
  /** Keyed columns as [key, column] pairs sorted by key (answers or handles). */
  readonly keyed: ReadonlyArray<readonly [key: string, column: string]>;
}

/** Options with every default applied. */
export interface ResolvedProfileSqlOptions {
  readonly dialect: WarehouseDialect;
  readonly tables: { readonly [S in WarehouseSource]?: ResolvedTable };
  readonly asOfDay?: number | undefined;
  readonly requireConsent: boolean;
  readonly cooldownDays: number;
  readonly ordered: boolean;
}

const name = z.string().min(1, { error: "expected a non-empty name" });
const rowNumber = z.union([name, z.object({ orderBy: z.array(name).min(1, { error: "expected at least one column" }) }).strict()]);
const keyName = name.refine((key) => key !== "__proto__", { error: 'the key "__proto__" is reserved; rename it' });
const keyedColumns = z.union([z.array(keyName), z.record(keyName, name)]);

function tableSchema(fields: readonly string[], keyed: boolean) {
  return z
    .object({
      table: z.string().trim().min(1, { error: "expected a table" }),
      source: name.optional(),
      row: rowNumber.optional(),
      columns: z
        .partialRecord(z.enum(fields as [string, ...string[]]), name.nullable().optional())
        .refine((columns) => Object.entries(columns).every(([field, column]) => column !== null || !REQUIRED_FIELDS.has(field)), {
          error: `${[...REQUIRED_FIELDS].join(", ")} cannot be null: every record has them`,
        })
        .optional(),
      ...(keyed ? { handles: keyedColumns.optional(), answers: keyedColumns.optional() } : {}),
    })
    .strict();
}

const optionsSchema = z
  .object({
    dialect: z.enum(WAREHOUSE_DIALECTS, { error: `expected one of ${WAREHOUSE_DIALECTS.join(", ")}` }),
    customers: tableSchema(WAREHOUSE_FIELDS.customers, true).omit({ answers: true }).optional(),
    purchases: tableSchema(WAREHOUSE_FIELDS.purchases, false).optional(),
    surveys: tableSchema(WAREHOUSE_FIELDS.surveys, true).omit({ handles: true }).optional(),
    social: tableSchema(WAREHOUSE_FIELDS.social, false).optional(),
    asOf: dateField.optional(),
    requireConsent: z.boolean().default(false),
    cooldownDays: z.number().min(0).finite().default(90),
    ordered: z.boolean().default(true),
  })
  .strict();

function keyedPairs(keyed: KeyedColumns | undefined, prefix: string): Array<[string, string]> {
  if (keyed === undefined) return [];
  const given: Array<[string, string]> = Array.isArray(keyed)
    ? (keyed as readonly string[]).map((key) => [key, `${prefix}.${key}`])
    : Object.entries(keyed as Readonly<Record<string, string>>);
  // Handle platforms are lower-cased, as the customer schema does, so a Twitter handle matches twitter activity.
  const pairs = prefix === "handles" ? given.map(([key, column]): [string, string] => [key.trim().toLowerCase(), column]) : given;
  const keys = new Set(pairs.map(([key]) => key));
  if (keys.size !== pairs.length) throw new RangeError(`Invalid options:\n  - option ${prefix}: names must be distinct${prefix === "handles" ? " (ignoring case)" : ""}`);
  return pairs.sort(([a], [b]) => compareText(a, b));
}

function resolveTable(source: WarehouseSource, table: z.output<ReturnType<typeof tableSchema>>, keyed: KeyedColumns | undefined, prefix: string): ResolvedTable {
  const given = (table.columns ?? {}) as Readonly<Record<string, string | null | undefined>>;
  const columns = Object.fromEntries(WAREHOUSE_FIELDS[source].map((field) => [field, given[field] === undefined ? field : given[field]]));
  return { table: table.table, source: table.source ?? source, row: table.row ?? "row", columns, keyed: keyedPairs(keyed, prefix) };
}

/**
 * Validates `profileSql` options and fills in the defaults; a bad option throws a RangeError naming it.
 *
 * @example
 * resolveProfileSqlOptions({ dialect: "duckdb", purchases: { table: "purchases" } }).tables.purchases?.columns.amount; //=> "amount"
 */
export function resolveProfileSqlOptions(options: ProfileSqlOptions): ResolvedProfileSqlOptions {
  // A handle or answer named __proto__ must be seen before parsing turns the map into a plain object.
  for (const keyed of [options.customers?.handles, options.surveys?.answers]) {
    if (keyed !== undefined && !Array.isArray(keyed) && Object.prototype.hasOwnProperty.call(keyed, "__proto__")) {
      throw new RangeError('Invalid options:\n  - the key "__proto__" is reserved; rename it');
    }
  }
  const data = parseOptions(optionsSchema, options, "profileSql");
  const tables: { -readonly [S in WarehouseSource]?: ResolvedTable } = {};
  if (data.customers) tables.customers = resolveTable("customers", data.customers, options.customers?.handles, "handles");
  if (data.purchases) tables.purchases = resolveTable("purchases", data.purchases, undefined, "");
  if (data.surveys) tables.surveys = resolveTable("surveys", data.surveys, options.surveys?.answers, "answers");
  if (data.social) tables.social = resolveTable("social", data.social, undefined, "");
  return {
    dialect: data.dialect,
    tables,
    asOfDay: data.asOf === undefined ? undefined : toDay(data.asOf),
    requireConsent: data.requireConsent,
    cooldownDays: data.cooldownDays,
    ordered: data.ordered,
  };
}
