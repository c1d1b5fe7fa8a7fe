import type { BrandIdentity } from "../schema/options.js";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A handle as compared: no `@`, lower case. */
function bareHandle(handle: string): string {
  return handle.trim().replace(/^@/, "").toLowerCase();
}

/**
 * Tells, from the brand's own names and handles, whether a text mentions the brand and whether an author is the
 * brand itself. Names match as whole words or phrases in any case, with any run of spaces between words, and as
 * hashtags written together (`#NorthwindCoffee`); handles match as `@handle`.
 *
 * @example
 * const brand = new BrandMatcher({ names: ["Northwind Coffee"], handles: ["@NorthwindCoffee"] });
 * brand.mentions("Loving my northwind  coffee this morning"); //=> true
 * brand.mentions("thanks @northwindcoffee!"); //=> true
 * brand.mentions("Northwindy weather"); //=> false
 * brand.isBrand("NorthwindCoffee"); //=> true
 */
export class BrandMatcher {
  private readonly pattern: RegExp | undefined;
  private readonly handles: ReadonlySet<string>;

  constructor(brand: BrandIdentity = { names: [], handles: [] }) {
    this.handles = new Set(brand.handles.map(bareHandle));
    const names = brand.names.map((name) => name.trim()).filter((name) => name.length > 0);
    const alternatives = [
      ...names.map((name) => name.split(/\s+/).map(escapeRegExp).join("\\s+")),
      ...names.filter((name) => /\s/.test(name)).map((name) => `#${escapeRegExp(name.replace(/\s+/g, ""))}`),
      ...[...this.handles].map((handle) => `@${escapeRegExp(handle)}`),
    ];
    // Letters and digits on either side would make it part of another word ("Northwindy").
    this.pattern = alternatives.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`, "iu");
  }

  /** Whether any name or handle was given (else the library cannot tell brand mentions by itself). */
  get known(): boolean {
    return this.pattern !== undefined;
  }

  /** Whether the text names the brand or one of its handles. */
  mentions(text: string | undefined): boolean {
    return text !== undefined && this.pattern !== undefined && this.pattern.test(text);
  }

  /** Whether a post's author is one of the brand's own handles (its posts are not customers' voice). */
  isBrand(author: string | undefined): boolean {
    return author !== undefined && this.handles.has(bareHandle(author));
  }
}
