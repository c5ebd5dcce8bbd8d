import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules must fail the build: lint imagined files in each layer with the project's own config. */
const eslint = new ESLint({ cwd: join(__dirname, '..', '..') });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.message);
}

describe('layer rules', () => {
  it('keep core/ free of electron, Node, React, the DOM and the other layers', async () => {
    const found = await problems(
      'core/imagined.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import path from 'path';",
        "import { app } from 'electron';",
        "import { useState } from 'react';",
        "import { VIEWS } from '../renderer/src/views';",
        'export const all = [readFileSync, path, app, useState, VIEWS, window.name];',
      ].join('\n'),
    );
    expect(found.join('\n')).toMatch(/no Node built-ins/);
    expect(found.filter((m) => m.includes('no Node built-ins'))).toHaveLength(2);
    expect(found.join('\n')).toMatch(/no electron/);
    expect(found.join('\n')).toMatch(/no react/);
    expect(found.join('\n')).toMatch(/imports no other layer/);
    expect(found.join('\n')).toMatch(/no window/);
  });

  it('let core/ import its own modules and zod', async () => {
    expect(await problems('core/imagined.ts', "import { z } from 'zod';\nimport { CUES } from './cues';\nexport const x = [z, CUES];\n")).toEqual([]);
  });

  it('keep main/ from importing renderer/', async () => {
    const found = await problems('main/imagined.ts', "import { VIEWS } from '../renderer/src/views';\nexport const x = VIEWS;\n");
    expect(found.join('\n')).toMatch(/main\/ must not import renderer\//);
  });
});
