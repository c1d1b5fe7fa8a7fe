import * as z from "zod";
import { scaleConstructs } from "./vocabulary.js";

export { COMMITMENT_CONSTRUCTS, scaleConstructs, type ScaleConstruct } from "./vocabulary.js";

/**
 * A multi-item survey scale: which `answers.*` items belong to it, their range (1–5, 1–7, …), which items are
 * reverse-coded, and what the scale measures.
 */
export const scaleSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: "expected a scale name" }),
    construct: z.enum(scaleConstructs).default("affective-commitment"),
    items: z.array(z.string().trim().min(1)).min(1, { error: "expected at least one item" }),
    min: z.number().finite().default(1),
    max: z.number().finite().default(5),
    reverse: z.array(z.string().trim().min(1)).default([]),
  })
  .refine((scale) => scale.max > scale.min, { message: "max must exceed min", path: ["max"] })
  .refine((scale) => scale.reverse.every((item) => scale.items.includes(item)), {
    message: "every reverse-coded item must be one of the scale's items",
    path: ["reverse"],
  })
  .refine((scale) => new Set(scale.items).size === scale.items.length, { message: "items must be distinct", path: ["items"] });

/** A validated scale definition. */
export type ScaleDefinition = z.output<typeof scaleSchema>;
/** A scale definition as callers write it. */
export type ScaleDefinitionInput = z.input<typeof scaleSchema>;
