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
   * Export columns that are no library field but that `adapt` reads (Shopify's `Financial Status`, Stripe's
   * `Amount Refunded`, the X API's `public_metrics.*`): a name of the preset's choosing (never a field path) → the
   * column, or several names as in `columns`, matched by the same header rule. Their raw values reach `adapt` under
   * these names beside the fields; they are never validated and never kept (`adapt` returns fields only). Optional;
   * added to the contract because `adapt` sees mapped columns only, and a vendor's status or metric columns are what
   * decide a refund, a test payment or an engagement sum.
   */
  readonly extraColumns?: Readonly<Record<string, string | readonly string[]>> | undefined;
  /**
   * Field values every record of the export shares and no column carries (each record of a Reddit listing is on
   * `reddit`; a Trustpilot export holds reviews): set on each record before `adapt`, so a field the engine requires
   * is known to be there; a column the user maps for the same field wins. Optional; added to the contract so a
   * required field (`platform`, `type`) is not left to `adapt` unannounced.
   */
  readonly constants?: Readonly<Record<string, string | number | boolean>> | undefined;
  /**
   * Columns found from the header itself, where the vendor names a column after the survey's own question (Typeform
   * heads it with the question text; Qualtrics pairs an NPS question's column `Q7` with `Q7_NPS_GROUP`): the header
   * as read (cells in file order) → field path → that header's column, spelled as in the file. Called once per file;
   * consulted only for fields `columns` finds no column for, and a user's own mapping wins over both. Optional;
   * added to the contract because no fixed column list can name a survey's questions.
   */
  readonly locateColumns?: ((header: readonly string[]) => Readonly<Record<string, string>>) | undefined;
  /**
   * Row-local adjustments once columns are mapped: the record (keys are field paths, plus the `extraColumns` names
   * and the `constants`; values raw as read, an empty cell absent) → the record to validate (fields only), or
   * `{ skip: reason }` to leave a row out *for a stated reason* (e.g. a line-item continuation row of an order already
   * counted), which is counted and reported, never dropped silently. Reasons are short fixed phrases, so they can be
   * counted by reason. Must not keep state between rows: chunks of one file are read on different threads.
   */
  readonly adapt?: ((record: Readonly<Record<string, unknown>>) => Record<string, unknown> | { readonly skip: string }) | undefined;
  /**
   * For JSON exports whose records sit inside an envelope (X API v2: `data` with `includes.users`; Reddit: a
   * Listing's `data.children`): the flat records of a parsed document, each with the export's own keys (nested
   * keys as dotted paths, as `columns` names them). The presets' readers give every record the same keys, a value
   * the document lacks being `undefined`, so any record's keys are the file's header.
   */
  readonly records?: ((document: unknown) => Iterable<Record<string, unknown>>) | undefined;
}
