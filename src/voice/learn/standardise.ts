/** Per-feature centre and scale, so weights fitted on standardised features are comparable across features. */
export interface Standardisation {
  readonly means: number[];
  readonly scales: number[];
}

/**
 * Means and (population) standard deviations of each column. A column with zero (or non-finite) spread gets scale
 * 1, so a feature nobody has — an all-zero column — standardises to 0 rather than 0/0.
 *
 * @example
 * standardisation([[1, 5], [3, 5]]); //=> { means: [2, 5], scales: [1, 1] }
 */
export function standardisation(rows: readonly (readonly number[])[], width = rows[0]?.length ?? 0): Standardisation {
  const means = new Array<number>(width).fill(0);
  const scales = new Array<number>(width).fill(1);
  if (rows.length === 0) return { means, scales };
  for (const row of rows) for (let j = 0; j < width; j++) means[j] = means[j]! + row[j]!;
  for (let j = 0; j < width; j++) means[j] = means[j]! / rows.length;
  const squares = new Array<number>(width).fill(0);
  for (const row of rows) {
    for (let j = 0; j < width; j++) {
      const deviation = row[j]! - means[j]!;
      squares[j] = squares[j]! + deviation * deviation;
    }
  }
  for (let j = 0; j < width; j++) {
    const sd = Math.sqrt(squares[j]! / rows.length);
    // Relative threshold: a column of identical values can leave round-off spread of ~1e-16 × its size.
    scales[j] = Number.isFinite(sd) && sd > 1e-12 * Math.max(1, Math.abs(means[j]!)) ? sd : 1;
    if (!Number.isFinite(means[j]!)) means[j] = 0;
  }
  return { means, scales };
}

/**
 * Standardises one row: (x − mean) / scale per feature.
 *
 * @example
 * standardiseRow([3, 5], { means: [2, 5], scales: [1, 1] }); //=> [1, 0]
 */
export function standardiseRow(row: readonly number[], { means, scales }: Standardisation): number[] {
  return row.map((value, j) => (value - (means[j] ?? 0)) / (scales[j] ?? 1));
}
