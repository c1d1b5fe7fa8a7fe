import { formatCitation } from "./citation.js";
import type { AdvocateKit, ArmResult } from "./arm-advocates.js";

/**
 * A Markdown brief for one advocate: the criticism, why them, the angles with their sources, the disclosure line
 * and the guidelines. Meant to be sent to the advocate with an invitation, not posted.
 *
 * @example
 * const result = armAdvocates(advocates, criticism, { brand: "Northwind Coffee", facts });
 * console.log(kitMarkdown(result.kits[0]!, result));
 */
export function kitMarkdown(kit: AdvocateKit, result: Pick<ArmResult, "criticism" | "topics">): string {
  const who = kit.name ?? kit.customerId;
  const lines = [
    `# Brief for ${who}${kit.handle === undefined ? "" : ` (${kit.handle} on ${kit.platform})`}`,
    "",
    `**The post** (${result.criticism.platform}${result.criticism.url === undefined ? "" : `, ${result.criticism.url}`}): "${result.criticism.text}"`,
    result.topics.length > 0 ? `**Topics:** ${result.topics.join(", ")}` : "**Topics:** none detected",
    "",
    "## Why we thought of you",
    ...kit.why.map((reason) => `- ${reason}`),
    "",
    "## Angles you could take (in your own words)",
    ...kit.angles.map((point) => `- ${point.text} _(source: ${point.cites.map(formatCitation).join(", ")})_`),
    "",
    "## If you post, include this line",
    `> ${kit.disclosure}`,
    "",
    "## Guidelines",
    ...kit.guidelines.map((guideline) => `- ${guideline}`),
    "",
  ];
  return lines.join("\n");
}
