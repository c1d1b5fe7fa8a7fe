/** The four kinds of record a brand's data holds. */
export type RecordKind = "customers" | "purchases" | "surveys" | "social";
/** The kinds in the order they are read: customers first, since they decide who may be profiled. */
export const RECORD_KINDS: readonly RecordKind[] = ["customers", "purchases", "surveys", "social"];
