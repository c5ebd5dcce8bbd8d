import { CUE_NAMES, CUES } from '../cues';
import { callStartSettings, clearAfterCalmSeconds } from './callStart';
import type { Profile } from './schema';

/**
 * What an agent should know when a supervisor's profile replaces theirs, in
 * plain lines: which thresholds moved, which cards have new wording, and
 * whether the crisis line or the words for telling the caller changed.
 */
export function describeProfileChanges(before: Profile, after: Profile): string[] {
  const out: string[] = [];
  for (const cue of CUES) {
    const a = before.thresholds[cue];
    const b = after.thresholds[cue];
    const moved = (['watch', 'rising', 'high'] as const).filter((k) => a[k] !== b[k]).map((k) => `${k} ${a[k]} → ${b[k]}`);
    if (moved.length > 0) out.push(`${CUE_NAMES[cue]} thresholds: ${moved.join(', ')}`);
  }
  const cards = new Set([...Object.keys(before.cards.overrides), ...Object.keys(after.cards.overrides)]);
  const reworded = [...cards].filter((id) => JSON.stringify(before.cards.overrides[id as keyof Profile['cards']['overrides']]) !== JSON.stringify(after.cards.overrides[id as keyof Profile['cards']['overrides']]));
  if (reworded.length > 0) out.push(`New wording on ${reworded.length === 1 ? 'one card' : `${reworded.length} cards`}: ${reworded.join(', ')}`);
  if (before.cards.abusePolicy !== after.cards.abusePolicy) out.push('The abuse policy line changed');
  const line = (p: Profile) => [p.cards.crisisLine, ...(p.cards.otherCrisisLines ?? [])].map((l) => `${l.name} ${l.phone}`).join('; ');
  if (line(before) !== line(after)) out.push(`Crisis line: ${after.cards.crisisLine.name}, ${after.cards.crisisLine.phone}`);
  if (callStartSettings(before).disclosure !== callStartSettings(after).disclosure) out.push('New words for telling the caller');
  if (callStartSettings(before).welcomeCard !== callStartSettings(after).welcomeCard) out.push(callStartSettings(after).welcomeCard ? 'The welcome card shows at call start' : 'No welcome card at call start');
  if (clearAfterCalmSeconds(before) !== clearAfterCalmSeconds(after)) out.push(`Cards stay ${clearAfterCalmSeconds(after)} s after their cue is calm`);
  const phrases = (p: Profile) => p.phrases.add.length + p.phrases.remove.length;
  if (JSON.stringify(before.phrases) !== JSON.stringify(after.phrases)) out.push(`Phrase list: ${after.phrases.add.length} added, ${after.phrases.remove.length} removed (was ${phrases(before)} changes)`);
  return out;
}
