/**
 * The scoring bundle's stand-in for `globalThis` (the UDF build maps `globalThis` to it): bundled code that keeps
 * state on the global object (zod's shared config and registry) keeps it here instead, so the bundle defines no
 * global but `brandAdvocatesUdf` and leaves the warehouse's JavaScript environment as it found it.
 *
 * @example
 * // in the bundle, `globalThis.__zod_globalConfig` reads `udfGlobal.__zod_globalConfig`
 */
export const udfGlobal: Record<string, unknown> = {};
