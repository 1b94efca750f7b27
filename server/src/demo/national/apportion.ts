// Largest-remainder apportionment: exact integer shares of a total, e.g. 534 incubators over 31
// provinces, so the published totals come out exact rather than approximately.

/** Splits `total` in proportion to `weights`, each share at least `min`; the shares add up to `total`. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  if (weights.length * min > total)
    throw new Error(`cannot give ${weights.length} shares at least ${min} of ${total}`);
  const rest = total - weights.length * min;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / weights.length));
  const shares = exact.map((x) => Math.floor(x));
  let left = rest - shares.reduce((a, b) => a + b, 0);
  // Ties go to the earlier weight, so the result never depends on sort stability.
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares.map((s) => s + min);
}
