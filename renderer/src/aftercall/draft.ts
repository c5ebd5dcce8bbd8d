import type { ReflectionAnswer } from '../storage/records';
import type { CareSuggestion } from '@core/reflection';

/**
 * The reflection being written is mirrored to localStorage on every change.
 * localStorage is synchronous, so the words survive a failed database write, a
 * reload or a crash, and are only dropped once the reflection is safely saved.
 */
export interface ReflectionDraft {
  answers: ReflectionAnswer[];
  stress: number | null;
  care: CareSuggestion | null;
}

const PREFIX = 'steady.reflection-draft.';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadDraft(callId: string): ReflectionDraft | null {
  const raw = storage()?.getItem(PREFIX + callId);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ReflectionDraft>;
    if (!Array.isArray(parsed.answers)) return null;
    return { answers: parsed.answers, stress: typeof parsed.stress === 'number' ? parsed.stress : null, care: parsed.care ?? null };
  } catch {
    return null;
  }
}

/** Returns false when even localStorage refused (then the words are only on screen, and the view says so). */
export function saveDraft(callId: string, draft: ReflectionDraft): boolean {
  try {
    storage()?.setItem(PREFIX + callId, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function dropDraft(callId: string): void {
  storage()?.removeItem(PREFIX + callId);
}

/** Calls with a reflection draft still waiting (e.g. the window closed mid-reflection). */
export function draftCallIds(): string[] {
  const s = storage();
  if (!s) return [];
  const ids: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
  }
  return ids;
}

export function dropAllDrafts(): void {
  const s = storage();
  if (!s) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) s.removeItem(key);
}
