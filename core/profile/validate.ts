import type { z } from 'zod';
import { migrateV0, migrateV1, migrateV2, profileVersionOf, v0FieldOf } from './migrate';
import { PROFILE_FORMAT, PROFILE_VERSION, profileSchema, profileV0Schema, profileV1Schema, profileV2Schema, type Profile } from './schema';

/** One thing wrong with a profile file, with where it is. */
export interface ProfileProblem {
  /** Dotted field path, e.g. "thresholds.hostility.watch" or "phrases.add[2].weight"; "" for the whole file. */
  path: string;
  message: string;
}

export type ProfileResult =
  | { ok: true; profile: Profile; migratedFrom: number | null }
  | { ok: false; problems: ProfileProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function problemsFrom(error: z.ZodError): ProfileProblem[] {
  // Chained checks of one kind (min(0) then min(0.1)) would report the same
  // field twice; the later check is the stricter one, so it is the one kept.
  const byKey = new Map<string, ProfileProblem>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One problem per unknown field, at its own path: usually a typo the supervisor must see.
      for (const key of issue.keys) {
        const path = formatPath([...issue.path, key]);
        byKey.set(`${path}\u0000${issue.code}`, { path, message: 'unknown field: not part of a Steady profile (a typo?)' });
      }
      continue;
    }
    const path = formatPath(issue.path);
    byKey.set(`${path}\u0000${issue.code}`, { path, message: plainMessage(issue) });
  }
  return collapseRepeats([...byKey.values()]);
}

/** Problems listed per field of a list before the rest are counted; 5,000 identical lines would bury the first. */
const REPEATS_LISTED = 3;

/**
 * Keeps the first few problems of each kind in a list (the first one over a
 * limit comes first, with its path) and counts the rest in one more line.
 */
function collapseRepeats(problems: ProfileProblem[]): ProfileProblem[] {
  const seen = new Map<string, { list: string; extra: number; summary?: ProfileProblem }>();
  const out: ProfileProblem[] = [];
  for (const problem of problems) {
    const list = /^(.*?)\[\d+\]/.exec(problem.path)?.[1];
    if (list === undefined) {
      out.push(problem);
      continue;
    }
    const key = `${problem.path.replace(/\[\d+\]/g, '[]')}\u0000${problem.message.replace(/\d+/g, '#')}`;
    const group = seen.get(key) ?? { list, extra: -REPEATS_LISTED };
    seen.set(key, group);
    group.extra++;
    if (group.extra <= 0) out.push(problem);
    else if (group.summary) group.summary.message = `and ${group.extra} more entries with the same problem`;
    else {
      group.summary = { path: list, message: 'and 1 more entry with the same problem' };
      out.push(group.summary);
    }
  }
  return out;
}

/** zod's messages are close to plain words already; a few are reworded for a supervisor reading them. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const received = (issue as { input?: unknown }).input;
    if (received === undefined) return `missing: expected ${issue.expected}`;
    if (typeof received === 'number' && !Number.isFinite(received)) return `expected a finite ${issue.expected}, got ${String(received)}`;
    return `expected ${issue.expected}, got ${describe(received)}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')) {
    const input = (issue as { input?: unknown }).input;
    const has = typeof input === 'string' || Array.isArray(input) ? ` (it has ${input.length.toLocaleString('en')})` : '';
    const max = Number(issue.maximum).toLocaleString('en');
    return issue.origin === 'string' ? `too long: at most ${max} characters${has}` : `too many: at most ${max} entries${has}`;
  }
  if (issue.code === 'too_big' && issue.origin === 'number') return `too large: at most ${Number(issue.maximum).toLocaleString('en')}, got ${String((issue as { input?: unknown }).input)}`;
  return issue.message;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text "${value.length > 30 ? value.slice(0, 30) + '…' : value}"`;
  return typeof value === 'number' || typeof value === 'boolean' ? `${typeof value} ${String(value)}` : typeof value;
}

/**
 * Checks a parsed profile and brings an older version up to date. Every
 * problem is reported at once, so that a supervisor can fix a file in one go.
 */
export function validateProfile(input: unknown): ProfileResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', message: 'a profile must be a JSON object' }] };
  }
  const reserved = reservedKeys(input, []);
  if (reserved.length > 0) return { ok: false, problems: reserved };
  const version = profileVersionOf(input);
  if (version === 0) {
    const v0 = profileV0Schema.safeParse(input, { reportInput: true });
    if (!v0.success) return { ok: false, problems: problemsFrom(v0.error) };
    return inV0Terms(checked(migrateV1(migrateV0(v0.data)), 0));
  }
  const record = input as Record<string, unknown>;
  if (version === 1 && record.format === PROFILE_FORMAT) {
    const v1 = profileV1Schema.safeParse(input, { reportInput: true });
    if (!v1.success) return { ok: false, problems: problemsFrom(v1.error) };
    return checked(migrateV1(v1.data), 1);
  }
  if (version === 2 && record.format === PROFILE_FORMAT) {
    const v2 = profileV2Schema.safeParse(input, { reportInput: true });
    if (!v2.success) return { ok: false, problems: problemsFrom(v2.error) };
    return checked(migrateV2(v2.data), 2);
  }
  if (typeof version === 'number' && version > PROFILE_VERSION && record.format === PROFILE_FORMAT) {
    return {
      ok: false,
      problems: [{ path: 'version', message: `made by a newer Steady (version ${version}); this one reads up to version ${PROFILE_VERSION}` }],
    };
  }
  return checked(input, null);
}

/** Keys that name an object's prototype: a parser may drop them or, worse, let them reach the prototype. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every reserved key anywhere in the parsed file, with its path; JSON.parse keeps `__proto__` as an own key. */
function reservedKeys(value: unknown, path: PropertyKey[]): ProfileProblem[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: ProfileProblem[] = [];
  for (const key of Object.keys(value)) {
    const at = Array.isArray(value) ? [...path, Number(key)] : [...path, key];
    if (!Array.isArray(value) && RESERVED_KEYS.has(key)) found.push({ path: formatPath(at), message: `"${key}" is a reserved name and cannot be used as a key` });
    else found.push(...reservedKeys((value as Record<string, unknown>)[key], at));
  }
  return found;
}

/** A problem found once migrated is reported at the version 0 field it came from, never at one the file lacks. */
function inV0Terms(result: ProfileResult): ProfileResult {
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.problems.map((p) => {
      const field = v0FieldOf(p.path);
      return { path: field ?? '', message: `once updated to version ${PROFILE_VERSION} (as ${p.path || 'the whole profile'}): ${p.message}` };
    }),
  };
}

function checked(input: unknown, migratedFrom: number | null): ProfileResult {
  const parsed = profileSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFrom(parsed.error) };
  return { ok: true, profile: parsed.data, migratedFrom };
}

/** A byte-order mark that editors on Windows often write at the start of a UTF-8 file. */
const BOM = '\uFEFF';

/** Parses the text of a profile file; a JSON syntax error is reported with its line and column. */
export function parseProfileText(raw: string): ProfileResult {
  const text = raw.startsWith(BOM) ? raw.slice(BOM.length) : raw;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${jsonErrorWhere(text, error)}` }] };
  }
  return validateProfile(data);
}

function jsonErrorWhere(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (!match) return message;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${line}, column ${column})`;
}

/** The profile as a file: stable key order and indentation, so that two exports diff cleanly. */
export function serializeProfile(profile: Profile): string {
  return JSON.stringify(profile, null, 2) + '\n';
}
