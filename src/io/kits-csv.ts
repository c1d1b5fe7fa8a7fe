import type { ArmResult } from "../arm/arm-advocates.js";
import { formatCitation } from "../arm/citation.js";
import { csvText } from "./csv-writer.js";

/** The columns of the kits CSV export, in order: one row per angle, so every angle keeps its sources. */
export const KIT_CSV_COLUMNS = ["customerId", "platform", "handle", "score", "angle", "text", "sources", "disclosure"] as const;

/**
 * Writes arming kits as CSV for a CRM or a spreadsheet: one row per angle with its sources, and the disclosure line
 * on every row (it goes with every post). Safe to open in a spreadsheet: text cells are quoted and a cell starting
 * with = + - @ TAB or CR gets a leading `'` (see {@link csvText}).
 *
 * @example
 * writeFileSync("kits.csv", kitsCsv(armAdvocates(advocates, criticism, { brand: "Northwind Coffee", facts })));
 */
export function kitsCsv(result: Pick<ArmResult, "kits">): string {
  const rows = result.kits.flatMap((kit) =>
    kit.angles.map((point) => [kit.customerId, kit.platform, kit.handle ?? "", kit.score, point.angle, point.text, point.cites.map(formatCitation).join("; "), kit.disclosure]),
  );
  return csvText(KIT_CSV_COLUMNS, rows);
}
