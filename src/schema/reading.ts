import * as z from "zod";

const fieldPath = z.string().trim().min(1, { error: "expected a field name" });
const columnName = z.string().min(1, { error: "expected a column name" });

/**
 * How the records of one source are read, when they are not written in the library's own columns and formats:
 * - `preset`: a vendor export's layout (`shopify-orders`, `typeform`, `x-api-v2`, …; see `EXPORT_PRESETS`);
 * - `columns`: field → the column (or JSON key) that holds it (`{ customerId: "Email", date: "Paid at" }`;
 *   nested fields as `handles.twitter`, `answers.q3`); matched by the header rule (case, spaces, `_`, `-` ignored);
 * - `acknowledge`: columns that look like consent or an opt-out but are knowingly not read;
 * - `values`: a value for every record that lacks the field (`{ platform: "twitter" }`);
 * - `dateFormat`: a date-fns pattern for dates in a fixed non-ISO form (`dd.MM.yyyy`); day/month dates are never
 *   guessed without it;
 * - `decimal`: the decimal separator of numbers ("." or ",").
 */
export const sourceReadingSchema = z.strictObject({
  preset: z.string().trim().min(1, { error: "expected a preset name" }).optional(),
  columns: z.record(fieldPath, columnName).optional(),
  acknowledge: z.array(columnName).optional(),
  values: z.record(fieldPath, z.union([z.string(), z.number(), z.boolean()])).optional(),
  dateFormat: z.string().min(1, { error: "expected a date-fns pattern such as dd.MM.yyyy" }).optional(),
  decimal: z.enum([".", ","], { error: 'expected "." or ","' }).optional(),
});

/** How one source's records are read (see {@link sourceReadingSchema}). */
export type SourceReading = z.output<typeof sourceReadingSchema>;

/** Per kind of record, how its sources are read. */
export const sourceReadingsSchema = z.strictObject({
  customers: sourceReadingSchema.optional(),
  purchases: sourceReadingSchema.optional(),
  surveys: sourceReadingSchema.optional(),
  social: sourceReadingSchema.optional(),
});

/** Per kind of record, field → column: the shorthand for each kind's `columns`. */
export const columnMappingsSchema = z.strictObject({
  customers: z.record(fieldPath, columnName).optional(),
  purchases: z.record(fieldPath, columnName).optional(),
  surveys: z.record(fieldPath, columnName).optional(),
  social: z.record(fieldPath, columnName).optional(),
});
