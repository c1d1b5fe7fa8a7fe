import type { ExportPreset } from "./export-preset.js";

export type { ExportPreset } from "./export-preset.js";

/** Every preset, by name. */
export const EXPORT_PRESETS: ReadonlyMap<string, ExportPreset> = new Map();

/**
 * The preset of that name.
 *
 * @throws {RangeError} for an unknown name, listing the known ones.
 * @example
 * presetNamed("shopify-orders").kind; //=> "purchases"
 */
export function presetNamed(name: string): ExportPreset {
  const preset = EXPORT_PRESETS.get(name.trim().toLowerCase());
  if (preset === undefined) throw new RangeError(`unknown preset "${name}": expected one of ${[...EXPORT_PRESETS.keys()].join(", ") || "(none)"}`);
  return preset;
}
