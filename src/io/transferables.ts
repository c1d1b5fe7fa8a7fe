/**
 * The distinct buffers of the typed arrays inside a value (a shard), to transfer to another thread instead of
 * copying. Only walks plain objects; arrays of strings are not descended.
 *
 * @example
 * transferablesOf({ day: new Int32Array(3), nested: { amount: new Float64Array(3) } }).length; //=> 2
 */
export function transferablesOf(value: object): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (node: unknown): void => {
    if (ArrayBuffer.isView(node)) {
      if (node.buffer instanceof ArrayBuffer) buffers.add(node.buffer);
      return;
    }
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    for (const child of Object.values(node)) visit(child);
  };
  visit(value);
  return [...buffers];
}
