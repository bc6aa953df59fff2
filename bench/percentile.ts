/** The value at `fraction` (0.5: the median) of numbers sorted ascending. */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}
