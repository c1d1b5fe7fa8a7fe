/**
 * FNV-1a (32-bit) over a string's UTF-16 code units, followed by the murmur3 finaliser: FNV alone mixes the last
 * characters poorly into the high bits, and IDs like `C0001`, `C0002` differ only there. A different `seed` gives
 * an independent hash, for decisions that must not be correlated (which customers are sampled, and which of them
 * are held out).
 *
 * @example
 * stableHash("C0001") === stableHash("C0001"); //=> true, on every run and platform
 */
export function stableHash(text: string, seed = 0x811c9dc5): number {
  let hash = seed | 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
