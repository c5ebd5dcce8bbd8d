/**
 * Average precision: how well scores put the labelled rows first (1 when every
 * labelled row outranks every other). Threshold-free, so it moves smoothly from
 * one training pass to the next where an F1 at a chosen line jumps about.
 */
export function averagePrecision(scores: Float64Array, labels: Uint8Array): number {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b] - scores[a] || a - b);
  let positives = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (labels[i] !== 1) return;
    positives++;
    sum += positives / (rank + 1);
  });
  return positives === 0 ? 0 : sum / positives;
}
