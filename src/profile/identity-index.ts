import { platformName } from "../schema/values/vocabulary-words.js";

/**
 * A public handle as the library compares it: trimmed, without a leading `@` (or Reddit's `u/`), in lower case —
 * `@Ann_B`, `ann_b` and `u/ann_b` are one person on their platform.
 *
 * @example
 * handleKey("twitter", " @Ann_B "); //=> "twitter\u0000ann_b"
 * handleKey("X", "ann_b"); //=> "twitter\u0000ann_b"
 */
export function handleKey(platform: string, handle: string): string {
  const bare = handle.trim().replace(/^(?:@|\/?u\/)/i, "").toLowerCase();
  return `${platformName(platform)}\u0000${bare}`;
}

/**
 * An e-mail address as the library compares it (trimmed, lower case).
 *
 * @example
 * emailKey(" Ann@Example.COM "); //=> "ann@example.com"
 */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Who the customers file says holds each e-mail and handle, in plain arrays (it crosses to worker threads). */
export interface IdentityFacts {
  readonly emails: ReadonlyArray<readonly [email: string, customerId: string]>;
  readonly handles: ReadonlyArray<readonly [handle: string, customerId: string]>;
  /** Keys claimed by more than one customer: never joined on (which of them wrote it cannot be told). */
  readonly ambiguous: readonly string[];
}

/**
 * Gathers, from customer records, which customer each e-mail address and public handle belongs to, so records that
 * name a person by e-mail or handle rather than by CRM id can be joined. A key two customers share is ambiguous and
 * never joined on.
 *
 * @example
 * const index = new IdentityCollector();
 * index.add({ customerId: "C1", email: "ann@example.com", handles: { twitter: "@ann" } });
 * new IdentityIndex(index.facts()).byHandle("twitter", "ANN"); //=> "C1"
 */
export class IdentityCollector {
  private readonly emails = new Map<string, string>();
  private readonly handles = new Map<string, string>();
  private readonly ambiguous = new Set<string>();

  add(customer: { readonly customerId: string; readonly email?: string | undefined; readonly handles?: Readonly<Record<string, string>> | undefined }): void {
    if (customer.email !== undefined) this.claim(this.emails, emailKey(customer.email), customer.customerId);
    for (const [platform, handle] of Object.entries(customer.handles ?? {})) this.claim(this.handles, handleKey(platform, handle), customer.customerId);
  }

  merge(facts: IdentityFacts): void {
    for (const [key, id] of facts.emails) this.claim(this.emails, key, id);
    for (const [key, id] of facts.handles) this.claim(this.handles, key, id);
    for (const key of facts.ambiguous) this.ambiguous.add(key);
  }

  facts(): IdentityFacts {
    const open = (map: Map<string, string>) => [...map].filter(([key]) => !this.ambiguous.has(key));
    return { emails: open(this.emails), handles: open(this.handles), ambiguous: [...this.ambiguous] };
  }

  private claim(map: Map<string, string>, key: string, customerId: string): void {
    const holder = map.get(key);
    if (holder === undefined) map.set(key, customerId);
    else if (holder !== customerId) this.ambiguous.add(key);
  }
}

/**
 * Looks customers up by e-mail address or public handle (see {@link IdentityCollector}).
 *
 * @example
 * new IdentityIndex(facts).byEmail("ANN@example.com"); //=> "C1"
 */
export class IdentityIndex {
  private readonly emails: ReadonlyMap<string, string>;
  private readonly handles: ReadonlyMap<string, string>;
  private readonly ambiguous: ReadonlySet<string>;

  constructor(readonly facts: IdentityFacts = { emails: [], handles: [], ambiguous: [] }) {
    this.emails = new Map(facts.emails);
    this.handles = new Map(facts.handles);
    this.ambiguous = new Set(facts.ambiguous);
  }

  /** Whether any customer record named an e-mail or a handle (else nothing can be joined). */
  get empty(): boolean {
    return this.emails.size === 0 && this.handles.size === 0;
  }

  byEmail(email: string): string | undefined {
    return this.emails.get(emailKey(email));
  }

  byHandle(platform: string, handle: string): string | undefined {
    return this.handles.get(handleKey(platform, handle));
  }

  /** Whether a key was claimed by several customers (so a record naming it stays unmatched, with that reason). */
  isAmbiguousEmail(email: string): boolean {
    return this.ambiguous.has(emailKey(email));
  }

  isAmbiguousHandle(platform: string, handle: string): boolean {
    return this.ambiguous.has(handleKey(platform, handle));
  }
}
