import type { RecordKind } from "../record-kind.js";

/**
 * How to read one vendor's export as records of one kind: which of its columns hold which of the library's fields,
 * the formats it writes values in, and, where columns alone cannot say it, a row-local adapter. Written from the
 * vendor's documented column list (cited in `documentation`), each preset has a fixture file and a test.
 *
 * Column names are matched by the library's header rule (case, spaces, `_` and `-` ignored), so a preset names a
 * column once as the vendor documents it. Field paths are the library's (`customerId`, `date`, `amount`,
 * `handles.twitter`, `answers.q3`, `author`, `postId`, `inReplyTo`, …).
 */
export interface ExportPreset {
  /** The preset's name as users type it (`shopify-orders`, `typeform`, `x-api-v2`). */
  readonly name: string;
  /** The kind of record the export holds. */
  readonly kind: RecordKind;
  /** What it reads, in plain words (the vendor, the export and how to get it). */
  readonly title: string;
  /** Where the column list and formats come from: the vendor's documentation pages. */
  readonly documentation: readonly string[];
  /**
   * Field path → the export's column for it; several names when the vendor has used more than one (the first
   * present wins). A field the export lacks is simply not listed.
   */
  readonly columns: Readonly<Record<string, string | readonly string[]>>;
  /** A date-fns `parse` pattern when the export writes dates in one fixed non-ISO form (e.g. `yyyy-MM-dd HH:mm:ss xx`). */
  readonly dateFormat?: string | undefined;
  /** The decimal separator of amounts, when the export fixes it. */
  readonly decimal?: "." | "," | undefined;
  /** Rows right after the header that are not records (Qualtrics writes two: question texts and import ids). */
  readonly skipRowsAfterHeader?: number | undefined;
  /**
   * Columns of the export whose names look like consent or opt-out but mean something else (a marketing e-mail
   * flag is not an objection to profiling): acknowledged, so they are neither mapped nor an error. Say why in a
   * comment beside each.
   */
  readonly acknowledgedColumns?: readonly string[] | undefined;
  /**
   * Row-local adjustments once columns are mapped: the record (keys are field paths, values raw as read) → the
   * record to validate, or `undefined` to leave a row out *for a stated reason* (e.g. a line-item continuation row
   * of an order already counted), which is counted and reported, never dropped silently. Must not keep state
   * between rows: chunks of one file are read on different threads.
   */
  readonly adapt?: ((record: Readonly<Record<string, unknown>>) => Record<string, unknown> | { readonly skip: string }) | undefined;
  /**
   * For JSON exports whose records sit inside an envelope (X API v2: `data` with `includes.users`; Reddit: a
   * Listing's `data.children`): the flat records of a parsed document, each with the export's own keys (nested
   * keys as dotted paths, as `columns` names them).
   */
  readonly records?: ((document: unknown) => Iterable<Record<string, unknown>>) | undefined;
}
