import { kmeans } from "ml-kmeans";
import { compareText } from "../profile/order.js";
import type * as z from "zod";
import { personaOptionsSchema } from "../schema/model-options.js";
import { parseOptions } from "../schema/parse-options.js";

/** One customer's position in score space, as clustered. */
export interface ScorePoint {
  readonly customerId: string;
  readonly loyalty: number;
  readonly commitment: number;
  readonly voice: number;
}

/** A data-driven persona: a k-means cluster of customers in loyalty × commitment × voice space. */
export interface Persona {
  /** `persona-1` is the cluster whose centre is the strongest advocate profile, and so on down. */
  readonly id: string;
  readonly centroid: { readonly loyalty: number; readonly commitment: number; readonly voice: number };
  readonly size: number;
}

/** Options of {@link findPersonas}. */
export type PersonaOptions = z.input<typeof personaOptionsSchema>;

function strength(centroid: readonly number[]): number {
  // Same AND semantics as the advocate score: the product ranks the clusters.
  return (centroid[0] ?? 0) * (centroid[1] ?? 0) * (centroid[2] ?? 0);
}

/**
 * Groups customers into personas with seeded k-means (ml-kmeans, k-means++ start) on their three dimension
 * scores. Cluster labels from k-means are arbitrary, so clusters are renumbered by their centre's strength
 * (then by centre coordinates): the same data and seed always give the same persona ids.
 *
 * @example
 * const { personas, assignment } = findPersonas(points, { k: 4, seed: 7 });
 * personas[0]?.id; //=> "persona-1"
 * assignment.get("C0042"); //=> "persona-1"
 */
export function findPersonas(points: readonly ScorePoint[], options: PersonaOptions): { personas: Persona[]; assignment: Map<string, string> } {
  parseOptions(personaOptionsSchema, options, "findPersonas");
  const sorted = [...points].sort((a, b) => compareText(a.customerId, b.customerId));
  const k = Math.min(options.k, sorted.length);
  if (k < 1) return { personas: [], assignment: new Map() };
  const data = sorted.map((point) => [point.loyalty, point.commitment, point.voice]);
  const result = kmeans(data, k, { seed: options.seed ?? 42, initialization: "kmeans++", maxIterations: 100 });
  const order = result.centroids
    .map((centroid, index) => ({ centroid, index }))
    .sort(
      (a, b) =>
        strength(b.centroid) - strength(a.centroid) ||
        (b.centroid[0] ?? 0) - (a.centroid[0] ?? 0) ||
        (b.centroid[1] ?? 0) - (a.centroid[1] ?? 0) ||
        (b.centroid[2] ?? 0) - (a.centroid[2] ?? 0) ||
        a.index - b.index,
    );
  const idOf = new Map(order.map(({ index }, rank) => [index, `persona-${rank + 1}`]));
  const sizes = new Map<number, number>();
  const assignment = new Map<string, string>();
  sorted.forEach((point, position) => {
    const cluster = result.clusters[position] ?? 0;
    sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
    assignment.set(point.customerId, idOf.get(cluster)!);
  });
  const round = (value: number | undefined) => Math.round((value ?? 0) * 10_000) / 10_000;
  const personas = order.map(({ centroid, index }) => ({
    id: idOf.get(index)!,
    centroid: { loyalty: round(centroid[0]), commitment: round(centroid[1]), voice: round(centroid[2]) },
    size: sizes.get(index) ?? 0,
  }));
  return { personas, assignment };
}
