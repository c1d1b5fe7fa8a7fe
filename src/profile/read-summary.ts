import type { RecordKind } from "../schema/record-kind.js";

/** How one source read: its kind, its rows, those rejected as invalid and those its reading left out (by reason). */
export interface SourceSummary {
  readonly source: string;
  readonly kind: RecordKind;
  readonly rows: number;
  readonly rejected: number;
  readonly leftOut: ReadonlyArray<readonly [reason: string, rows: number]>;
  /** The source may hold no records (given so on purpose). */
  readonly allowEmpty?: boolean | undefined;
  /** Some of its bytes were not valid UTF-8. */
  readonly invalidUtf8?: boolean | undefined;
}

/** Past this share of a source's rows skipped in lenient mode, the source is more broken than read. */
const MOSTLY_SKIPPED = 0.5;

/**
 * The warnings a read deserves, so that an empty or mostly unreadable source never looks like success: a source
 * with no records, a source lenient mode skipped more than half of, rows a preset left out (counted by reason),
 * bytes that were not valid UTF-8.
 *
 * @example
 * sourceWarnings([{ source: "surveys.csv", kind: "surveys", rows: 0, rejected: 0, leftOut: [] }]);
 * //=> ["surveys.csv: no records (the file is empty or holds only a header)"]
 */
export function sourceWarnings(sources: readonly SourceSummary[]): string[] {
  const warnings: string[] = [];
  for (const source of sources) {
    if (source.rows === 0 && source.allowEmpty !== true) warnings.push(`${source.source}: no records (the file is empty or holds only a header)`);
    if (source.rows > 0 && source.rejected / source.rows > MOSTLY_SKIPPED) {
      const share = Math.round((100 * source.rejected) / source.rows);
      warnings.push(`${source.source}: ${source.rejected} of ${source.rows} rows (${share} %) were skipped as invalid: check its columns and formats (the problems list says what was wrong)`);
    }
    for (const [reason, rows] of source.leftOut) warnings.push(`${source.source}: ${rows} row${rows === 1 ? "" : "s"} left out by its preset: ${reason}`);
    if (source.invalidUtf8 === true) warnings.push(`${source.source}: some bytes are not valid UTF-8 (read as �); if the file was saved in another encoding, give it (encoding: "windows-1252", "utf-16le", …)`);
  }
  return warnings;
}
