import type { ExportPreset } from "./export-preset.js";

/*
 * Trustpilot Business: Service reviews → download (CSV), the business's own reviews with the reviewer's e-mail and
 * the reference the business passed with the invitation.
 *
 * Sources:
 * - https://support.trustpilot.com/hc/en-us/articles/204868067-The-Service-Reviews-page — each review has a
 *   reviewer (name, and e-mail address unless the review is organic) and a reference number that "identifies your
 *   customers and their transactions", added when supplied with the invitation.
 * - https://documentation-apidocumentation.trustpilot.com/business-units-api — the private reviews list shows "all
 *   the reviews written about the business unit, including consumer email and Order ID"; a review's `stars` are
 *   1–5 and it has a `title`, a `text`, a `createdAt` and a `consumer` with a `displayName` (the fields as in
 *   Trustpilot's example payloads).
 * The download's column names (`Review Id`, `Review Created (UTC)` written `2026-03-04 14:22:01`, `Review Title`,
 * `Review Content`, `Review Stars`, `Review Username`, `Review User Email`, `Reference Id`, `Source Of Review`,
 * `Review Language`, `Domain URL`, `Business Unit Id`, `Company Reply Date (UTC)`, …) are not on a stored Trustpilot
 * page; as seen in Trustpilot downloads handled by public code.
 *
 * A Trustpilot review is a public review of the business, so it mentions the brand. The reviewer's display name is
 * no platform handle: reviews join to customers by the reviewer's e-mail. `Reference Id` is whatever the business
 * sent with the invitation (often an order number): when yours is the CRM customer id, map it yourself
 * (`--map social.customerId="Reference Id"`).
 */

/** Trustpilot service reviews download (CSV): stars, title, text, reviewer e-mail, joined by e-mail. */
export const trustpilotReviews: ExportPreset = {
  name: "trustpilot-reviews",
  kind: "social",
  title: "Trustpilot Business service reviews download (CSV): stars, title, text, reviewer name and e-mail",
  documentation: [
    "https://support.trustpilot.com/hc/en-us/articles/204868067-The-Service-Reviews-page",
    "https://documentation-apidocumentation.trustpilot.com/business-units-api",
  ],
  columns: {
    author: ["Review Username", "Consumer Name"],
    authorEmail: ["Review User Email", "Email Address", "Email"],
    date: "Review Created (UTC)",
    title: "Review Title",
    text: "Review Content",
    rating: "Review Stars",
    postId: "Review Id",
  },
  constants: { platform: "trustpilot", type: "review", public: true, mentionsBrand: true },
};
