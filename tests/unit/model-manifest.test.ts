import { describe, expect, it } from 'vitest';
import { findModel, loadManifest } from '../../models/lib/manifest';

describe('the model list', () => {
  it('pins the default model to its published checksum, so a different file is refused', () => {
    const manifest = loadManifest();
    const entry = findModel(manifest, undefined);
    expect(entry.name).toBe('vosk-model-small-en-us-0.15');
    expect(entry.sha256).toBe('30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498');
    expect(entry.note).toMatch(/could not be checked/);
  });
});
