import { describe, expect, it } from 'vitest';
import { findCycles } from '../../tools/lint/cycles';

/** The cycle rule must fail the build, as the layer rules do: try it on a fixture pair that imports each other. */
describe('import cycle rule', () => {
  it('names both files of a pair that import each other, even through a type-only import', async () => {
    const cycles = await findCycles(['tests/fixtures/import-cycle']);
    const files = cycles.filter((cycle) => cycle.rule === 'no-circular').map((cycle) => cycle.path);
    expect(files).toContainEqual(['tests/fixtures/import-cycle/first.ts', 'tests/fixtures/import-cycle/second.ts', 'tests/fixtures/import-cycle/first.ts']);
    expect(files.flat()).not.toContain('tests/fixtures/import-cycle/leaf.ts');
    expect(files.flat()).not.toContain('tests/fixtures/import-cycle/usesLeaf.ts');
  });

  it('names two folders that import each other, though no file is in a cycle', async () => {
    const cycles = await findCycles(['tests/fixtures/import-cycle-folders']);
    expect(cycles.filter((cycle) => cycle.rule === 'no-circular')).toEqual([]);
    const folders = cycles.filter((cycle) => cycle.rule === 'no-circular-folders').map((cycle) => cycle.path.join(' -> '));
    expect(folders).toContain('tests/fixtures/import-cycle-folders/north -> tests/fixtures/import-cycle-folders/south -> tests/fixtures/import-cycle-folders/north');
  });

  it('finds no cycle in the source folders', async () => {
    expect(await findCycles()).toEqual([]);
  });
});
