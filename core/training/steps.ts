/**
 * Long training work is written as generators that `yield` now and then, so
 * the workbench's worker can report progress and see a cancel between steps,
 * while the command line simply runs them through.
 */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
