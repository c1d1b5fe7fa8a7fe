import type { Advocate } from "../arm/advocate.js";
import { terminalText } from "./control-characters.js";

function pad(text: string, width: number, right = false): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return right ? cut.padStart(width) : cut.padEnd(width);
}

/**
 * Renders advocates as a fixed-width text table for a terminal: rank, customer, scores, segment, and the
 * reasons underneath each row. Safe to print: control characters in IDs and reasons are shown as escapes
 * (`\x1b`), so the data cannot recolour the terminal, move the cursor or forge a line.
 *
 * @example
 * console.log(advocatesTable(result.advocates.slice(0, 10)));
 */
export function advocatesTable(advocates: readonly Advocate[]): string {
  const header = `${pad("#", 4, true)}  ${pad("customer", 14)} ${pad("score", 6, true)} ${pad("loyal", 6, true)} ${pad("commit", 6, true)} ${pad("voice", 6, true)} ${pad("conf", 5, true)}  segment`;
  const lines = [header, "-".repeat(header.length + 8)];
  for (const advocate of advocates) {
    lines.push(
      `${pad(String(advocate.rank), 4, true)}  ${pad(terminalText(advocate.customerId), 14)} ${pad(advocate.score.toFixed(3), 6, true)} ${pad(advocate.loyalty.toFixed(3), 6, true)} ${pad(advocate.commitment.toFixed(3), 6, true)} ${pad(advocate.voice.toFixed(3), 6, true)} ${pad(advocate.confidence.toFixed(2), 5, true)}  ${terminalText(advocate.segment)}`,
    );
    for (const reason of advocate.reasons) lines.push(`${" ".repeat(6)}· ${terminalText(reason)}`);
  }
  return lines.join("\n");
}
