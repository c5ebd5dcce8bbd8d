import { parseCallFile, type ReplayCall } from './callFile';

/**
 * The team's scenarios in tests/fixtures/scenarios, bundled into the app as
 * practice calls so an agent can rehearse without a live call. The glob keeps
 * the build working while the folder is still empty.
 */
const files = import.meta.glob<string>('../../../tests/fixtures/scenarios/*.jsonl', { query: '?raw', import: 'default', eager: true });

export interface PracticeCall {
  /** The scenario file's name, e.g. "02-slow-hostility.jsonl". */
  file: string;
  call: ReplayCall;
  title: string;
  description: string;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function humanise(file: string): string {
  const words = file.replace(/\.jsonl$/, '').replace(/^\d+-/, '').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function load(): PracticeCall[] {
  const calls: PracticeCall[] = [];
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parseCallFile(text);
    // A broken bundled scenario is a build-time mistake; skip it rather than break the app.
    if (!parsed.ok) continue;
    const file = fileName(path);
    for (const call of parsed.calls) {
      calls.push({ file, call, title: call.title ?? humanise(file), description: call.description ?? '' });
    }
  }
  return calls;
}

export const PRACTICE_CALLS: readonly PracticeCall[] = load();
