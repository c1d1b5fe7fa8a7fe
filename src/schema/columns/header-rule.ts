/**
 * A column name as the library compares it: case, spaces, `_` and `-` ignored (`opted_out`, `OptedOut` and
 * `Opted Out` are all `optedout`). In a dotted name (`handles.twitter`, `answers.Q3`) only the part before the dot
 * is compared so; the part after it is data (a platform, a survey item) and is kept as written, trimmed.
 *
 * @example
 * headerKey("Customer_ID"); //=> "customerid"
 * headerKey("Handles.Twitter"); //=> "handles.Twitter"
 */
export function headerKey(name: string): string {
  const dot = name.indexOf(".");
  const group = (dot < 0 ? name : name.slice(0, dot)).toLowerCase().replace(/[\s_\-]+/g, "");
  return dot < 0 ? group : `${group}.${name.slice(dot + 1).trim()}`;
}

/** A column name without its nested part, compared by the header rule (for telling near misses). */
export function plainKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.()]+/g, "");
}

/**
 * Column names (after the header rule) that also mean a field, beyond the field's own name. Only names that cannot
 * mean anything else: an opt-out column written `opt_out` is an opt-out.
 */
export const FIELD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  optedOut: ["optout", "optedout"],
  customerId: ["customerid", "custid"],
};

// Names that look like consent or an objection: such a column is never ignored without a word (GDPR Art. 21: an
// objection stops profiling, so a misread opt-out column would profile people who objected).
const CONSENT_LIKE = /opt(ed)?(out|in)|consent|unsubscri|gdpr|donot(contact|email|mail|call|profile|track|sell)|dnc|suppress|object(ion|ed)|(marketing|contact|email)permission|acceptsmarketing|acceptsemailmarketing|marketingoptin|emailoptin|privacy/;

/**
 * Whether a column's name looks like consent, an opt-out or an objection (`OptOut`, `Unsubscribed`, `GDPR consent`,
 * `Do not contact`, `Accepts Marketing`).
 *
 * @example
 * looksLikeConsent("Unsubscribed"); //=> true
 * looksLikeConsent("Total"); //=> false
 */
export function looksLikeConsent(name: string): boolean {
  return CONSENT_LIKE.test(plainKey(name));
}
