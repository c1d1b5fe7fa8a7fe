import type { BrandIdentity } from "../schema/options.js";
import type { ValidatedData } from "../schema/validate-data.js";
import type { ProfileSet } from "./customer-profile.js";
import type { ExclusionReason } from "./exclusion-policy.js";
import { IdentityCollector, IdentityIndex } from "./identity-index.js";
import { ProfileBuilder, type TopicMap } from "./profile-builder.js";

/** Options of {@link buildProfiles}. */
export interface BuildProfilesOptions {
  /** Customers to leave out entirely (opted out, no consent, cooling down): their records are never read into a profile. */
  readonly exclude?: ReadonlySet<string> | ReadonlyMap<string, ExclusionReason | unknown> | undefined;
  /** Topic keywords for praise and complaint themes in comments (default: shipping, price, support, …). */
  readonly topics?: TopicMap | undefined;
  /** The brand's own names and handles, for reading text about the brand. */
  readonly brand?: BrandIdentity | undefined;
}

/**
 * Builds one profile per customer in a single pass over each validated source. A customer who appears only in
 * purchases, surveys or social data is still a customer. Excluded customers are skipped before any of their records
 * is read into a profile. The profiles come back as a {@link ProfileStore} (a `ReadonlyMap` by customer ID).
 *
 * @example
 * const data = validateData({ purchases: [{ customerId: "c1", date: "2024-01-05", amount: 30 }] }, resolveOptions());
 * buildProfiles(data).profiles.get("c1")?.purchases.orders; //=> 1
 */
export function buildProfiles(data: Omit<ValidatedData, "problems" | "skippedRows">, options: BuildProfilesOptions = {}): ProfileSet {
  const exclude = options.exclude;
  const identities = new IdentityCollector();
  for (const { record } of data.customers) identities.add(record);
  const builder = new ProfileBuilder({
    identities: new IdentityIndex(identities.facts()),
    topics: options.topics,
    brand: options.brand,
    exclude: exclude === undefined ? undefined : { reasonFor: (customerId) => (exclude.has(customerId) ? "optedOut" : undefined) },
  });
  for (const { record, ref } of data.customers) builder.addCustomer(record, ref);
  for (const { record, ref } of data.purchases) builder.addPurchase(record, ref);
  for (const { record, ref } of data.surveys) builder.addSurvey(record, ref);
  for (const { record, ref } of data.social) builder.addSocial(record, ref);
  const profiles = builder.build();
  return { profiles, latestDay: profiles.latestDay };
}
