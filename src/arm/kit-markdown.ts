import { formatCitation } from "./citation.js";
import type { AdvocateKit, ArmResult } from "./arm-advocates.js";
import { markdownQuote, markdownText, markdownWebLink } from "./markdown-text.js";

/**
 * A Markdown brief for one advocate: the criticism, why them, the angles with their sources, the disclosure line
 * and the guidelines. Meant to be sent to the advocate with an invitation, not posted.
 *
 * Safe to render whatever the data holds: every interpolated value (names, handles, reasons, angles, facts, the
 * brand) is escaped so that it shows as text and never becomes markup — no raw HTML (`<script>`, `<img onerror>`),
 * no links or images (`javascript:` targets, remote tracking images), no forged `## ` sections — and the criticism is
 * quoted as one block quote that cannot open a section of its own. Only an http(s) URL of the criticism is a link.
 *
 * @example
 * const result = armAdvocates(advocates, criticism, { brand: "Northwind Coffee", facts });
 * console.log(kitMarkdown(result.kits[0]!, result));
 */
export function kitMarkdown(kit: AdvocateKit, result: Pick<ArmResult, "criticism" | "topics">): string {
  const who = markdownText(kit.name ?? kit.customerId);
  const where = kit.handle === undefined ? "" : ` (${markdownText(kit.handle)} on ${markdownText(kit.platform)})`;
  const { url } = result.criticism;
  const link = url === undefined ? "" : `, ${markdownWebLink(url) ?? `${markdownText(url)} (not a web link)`}`;
  const lines = [
    `# Brief for ${who}${where}`,
    "",
    `**The post** (${markdownText(result.criticism.platform)}${link}):`,
    "",
    markdownQuote(result.criticism.text),
    "",
    result.topics.length > 0 ? `**Topics:** ${result.topics.map(markdownText).join(", ")}` : "**Topics:** none detected",
    "",
    "## Why we thought of you",
    ...kit.why.map((reason) => `- ${markdownText(reason)}`),
    "",
    "## Angles you could take (in your own words)",
    ...kit.angles.map((point) => `- ${markdownText(point.text)} _(source: ${point.cites.map((cite) => markdownText(formatCitation(cite))).join(", ")})_`),
    "",
    "## If you post, include this line",
    `> ${markdownText(kit.disclosure)}`,
    "",
    "## Guidelines",
    ...kit.guidelines.map((guideline) => `- ${markdownText(guideline)}`),
    "",
  ];
  return lines.join("\n");
}
