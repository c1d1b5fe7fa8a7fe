/**
 * Escapes text for an HTML text node or a double-quoted attribute. Customer names, reasons and model messages come
 * from brand data and the public web, so anything could be in them — `<script>` included.
 *
 * @example
 * escapeHtml('<script>alert("x")</script>'); //=> "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
