import { withThreshold } from '@core/calibration';
import type { Cue } from '@core/cues';
import { evaluateScored, scoreCalls, type ScoredCalls } from '@core/evaluation';
import { AGENT_SEGMENT } from '@core/evaluation/types';
import type { LabelledCall } from '@core/labelledCall';
import { createCueScorer, hearAgentTurn, newConversationContext } from '@core/model';
import { contextualProbability, SAFETY_AS_DISTRESS } from '@core/model/cueScorer';
import { contextShare, customerLift } from '@core/model/context';
import { MODEL_CUES, type ContextSettings, type CueModel, type ModelCue } from '@core/model/types';
import type { Profile } from '@core/profile';

/**
 * Chooses the settings that are not weights (context and thresholds) on the dev
 * files: the measure-only sets may be used for this, never for weights. Each
 * dev file counts equally, so that the large comment set cannot outvote dialogue.
 */

export interface DevSet {
  name: string;
  calls: LabelledCall[];
}

interface Prepared {
  name: string;
  scored: ScoredCalls;
  /** Each customer segment's calibrated log-odds of its words alone, per cue (see TurnParts). */
  z: Record<ModelCue, Float64Array>;
  /** The least the rules allow per segment and cue. */
  least: Record<ModelCue, Float64Array>;
  /** A self-harm statement: distress at least SAFETY_AS_DISTRESS. */
  safety: Uint8Array;
  /** Agent's last turn before this segment was bad news. */
  badNews: Uint8Array;
}

function prepare(set: DevSet, model: CueModel, profile: Profile): Prepared {
  const plain: CueModel = { ...model, context: { turnDecay: { distress: 0, hostility: 0 }, customer: { distress: 0, hostility: 0 }, agentBadNews: { distress: 0, hostility: 0 } } };
  const scored = scoreCalls(set.calls, profile, createCueScorer(profile, plain));
  const scorer = createCueScorer(profile, plain);
  const n = scored.labels.length;
  const z = { distress: new Float64Array(n), hostility: new Float64Array(n) };
  const least = { distress: new Float64Array(n), hostility: new Float64Array(n) };
  const safety = new Uint8Array(n);
  const badNews = new Uint8Array(n);
  const conversation = newConversationContext();
  let k = 0;
  for (const call of set.calls) {
    conversation.agentBadNews = false;
    for (const s of call.segments) {
      if (s.speaker === 'customer') {
        badNews[k] = conversation.agentBadNews ? 1 : 0;
        scorer.scoreTurn(s.text, conversation);
        const parts = scorer.lastTurn;
        for (const cue of MODEL_CUES) {
          z[cue][k] = parts.z[cue];
          least[cue][k] = parts.least[cue];
        }
        safety[k] = parts.safety ? 1 : 0;
      } else hearAgentTurn(conversation, s.text);
      k++;
    }
  }
  return { name: set.name, scored, z, least, safety, badNews };
}

/** Fills `out` with the contextual probabilities of `cue` under `settings`, as the engine works them out. */
function apply(prep: Prepared, cue: ModelCue, settings: ContextSettings, out: Float32Array): void {
  const { scored, z, least, safety, badNews } = prep;
  for (let c = 0; c < scored.ids.length; c++) {
    let sum = 0;
    for (let k = scored.callStart[c]; k < scored.callStart[c + 1]; k++) {
      if (scored.labels[k] === AGENT_SEGMENT) continue;
      const lift = customerLift(settings, cue, sum, z[cue][k]) + (badNews[k] ? settings.agentBadNews[cue] : 0);
      const p = contextualProbability(z[cue][k], least[cue][k], lift);
      out[k] = cue === 'distress' && safety[k] ? Math.max(p, SAFETY_AS_DISTRESS) : p;
      sum = sum * settings.turnDecay[cue] + contextShare(contextualProbability(z[cue][k], least[cue][k], 0));
    }
  }
}

/**
 * The probabilities the search works with for `settings`, per cue and segment (agent segments 0): the same as the
 * engine gives with these settings in the model, or the search would choose on figures the product never shows.
 */
export function replayedProbabilities(set: DevSet, model: CueModel, profile: Profile, settings: ContextSettings): Record<ModelCue, Float32Array> {
  const prep = prepare(set, model, profile);
  const out = { distress: new Float32Array(prep.scored.labels.length), hostility: new Float32Array(prep.scored.labels.length) };
  for (const cue of MODEL_CUES) apply(prep, cue, settings, out[cue]);
  return out;
}

export interface ChosenSettings {
  context: ContextSettings;
  rising: Record<ModelCue, number>;
  calmTurnDecay: number;
  minHold: number;
  /** F1 per dev file and cue at the chosen settings. */
  f1: Record<string, Record<ModelCue, number>>;
}

/**
 * What each dev file should reach (macro-F1, the product's targets). The search
 * lifts the weakest file first: each file's F1 counts up to a little above its
 * target, so no one file can buy a gain by sinking another.
 */
export const DEV_TARGETS: Readonly<Record<string, number>> = {
  'goemotions-dev.jsonl': 0.56,
  'dailydialog-validation.jsonl': 0.28,
  'meld-dev.jsonl': 0.32,
  'emorynlp-dev.jsonl': 0.24,
};
const HEADROOM = 0.02;

const CALM_TURN_DECAYS = [0.2, 0.5];
const MIN_HOLDS = [2, 4, 8];
const DECAYS = [0.5, 0.7, 0.85];
const CUSTOMER = [0, 1, 2, 4, 6];
const BAD_NEWS = [0, 0.5];
/** The most the earlier turns may add (null: no limit); see customerMost in the model file. */
const MOST: readonly (number | null)[] = [null, 3, 2, 1.5, 1.25, 1];
const RISING = [0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35, 0.4, 0.45, 0.5];

const TIE = 1e-9;

/** The objective first; where it cannot tell two settings apart, the practice calls, then the dev files' plain sum. */
function better(a: Pick<Candidate, 'objective' | 'practice' | 'sum'>, b: Pick<Candidate, 'objective' | 'practice' | 'sum'>): boolean {
  if (Math.abs(a.objective - b.objective) > TIE) return a.objective > b.objective;
  if (Math.abs(a.practice - b.practice) > TIE) return a.practice > b.practice;
  return a.sum > b.sum + TIE;
}

interface Candidate {
  objective: number;
  /** The practice calls' F1 for this cue: first among settings the objective cannot tell apart. */
  practice: number;
  /** The dev files' F1 summed without the cap: next. */
  sum: number;
  customer: number;
  most: number | null;
  badNews: number;
  decay: number;
  rising: number;
  f1: number[];
}

/**
 * The practice calls under these settings for one cue: null when a labelled call is missed or a calm call alerts;
 * else the F1 of their turns, which is lower where a level never fades once the caller has calmed.
 */
function practiceF1(scored: ScoredCalls, profile: Profile, cue: ModelCue): number | null {
  const e = evaluateScored(scored, profile);
  const alerts = e.alerts.perCue[cue];
  return alerts.caught === alerts.labelledCalls && alerts.falseAlerts === 0 ? e.cues[cue].f1 : null;
}

/**
 * `practice`: the practice calls the app ships. A setting that misses one of their labelled calls, or alerts on one
 * of their calm calls, is not taken however well it does on the dev files: agents learn the tool on these calls.
 */
export function chooseSettings(sets: readonly DevSet[], model: CueModel, profile: Profile, log: (line: string) => void, practice?: DevSet): ChosenSettings {
  const prepared = sets.map((s) => prepare(s, model, profile));
  const practicePrepared = practice ? prepare(practice, model, profile) : null;
  const target = (name: string): number => DEV_TARGETS[name] ?? 0;
  let best: { total: number; ctd: number; hold: number; cues: Record<ModelCue, Candidate> } | null = null;
  let lastStuck: ModelCue | null = null;
  for (const ctd of CALM_TURN_DECAYS) {
    for (const hold of MIN_HOLDS) {
      const base: Profile = { ...profile, trend: { ...profile.trend, calmTurnDecay: ctd, minHold: hold } };
      const cues = {} as Record<ModelCue, Candidate>;
      let stuck: ModelCue | null = null;
      for (const cue of ['distress', 'hostility'] as const) {
        let top: Candidate | null = null;
        for (const decay of DECAYS) {
          for (const customer of CUSTOMER) {
            for (const most of customer === 0 ? [null] : MOST) {
            for (const bn of BAD_NEWS) {
              const settings: ContextSettings = { turnDecay: { distress: decay, hostility: decay }, customer: { distress: customer, hostility: customer }, agentBadNews: { distress: bn, hostility: bn }, customerMost: { distress: most, hostility: most } };
              const fill = (p: Prepared): { name: string; scored: ScoredCalls } => {
                const scores = { ...p.scored.scores, [cue]: new Float32Array(p.scored.labels.length) } as Record<Cue, Float32Array>;
                apply(p, cue, settings, scores[cue]);
                return { name: p.name, scored: { ...p.scored, scores } };
              };
              const filled = prepared.map(fill);
              const practiceFilled = practicePrepared ? fill(practicePrepared) : null;
              for (const rising of RISING) {
                // Watch stays as the profile has it: it also decides which turns count as calm and which reactions to bad news earn a card.
                const prof = withThreshold(base, { cue, key: 'rising' }, rising);
                const practiceScore = practiceFilled ? practiceF1(practiceFilled.scored, prof, cue) : 0;
                if (practiceScore === null) continue;
                const f1 = filled.map((f) => evaluateScored(f.scored, prof).cues[cue].f1);
                const objective = f1.reduce((sum, f, i) => sum + Math.min(f - target(filled[i].name), HEADROOM), 0);
                const sum = f1.reduce((a, f) => a + f, 0);
                if (!top || better({ objective, practice: practiceScore, sum }, top)) top = { objective, practice: practiceScore, sum, customer, most, badNews: bn, decay, rising, f1 };
              }
            }
            }
          }
        }
        if (!top) {
          stuck = cue;
          break;
        }
        cues[cue] = top;
      }
      if (stuck) {
        log(`calm turn keeps ${ctd}, hold ${hold} s: no ${stuck} setting keeps the practice calls whole`);
        lastStuck = stuck;
        continue;
      }
      const total = cues.distress.objective + cues.hostility.objective;
      log(`calm turn keeps ${ctd}, hold ${hold} s: ${total.toFixed(3)}`);
      if (!best || total > best.total + 1e-9) best = { total, ctd, hold, cues };
    }
  }
  if (!best) throw new Error(`no ${lastStuck ?? 'cue'} setting catches every labelled practice call without alerting on a calm one`);
  const b = best;
  const f1: Record<string, Record<ModelCue, number>> = {};
  prepared.forEach((p, i) => (f1[p.name] = { distress: b.cues.distress.f1[i], hostility: b.cues.hostility.f1[i] }));
  for (const cue of ['distress', 'hostility'] as const) {
    const c = b.cues[cue];
    log(`${cue}: rising ${c.rising}, context ${c.customer} per unit (calm turns: up to ${c.most ?? 'no limit'}), decay ${c.decay}, bad news ${c.badNews}; F1 ${prepared.map((p, i) => `${p.name} ${c.f1[i].toFixed(3)}`).join(', ')}`);
  }
  return {
    context: {
      turnDecay: { distress: b.cues.distress.decay, hostility: b.cues.hostility.decay },
      customer: { distress: b.cues.distress.customer, hostility: b.cues.hostility.customer },
      agentBadNews: { distress: b.cues.distress.badNews, hostility: b.cues.hostility.badNews },
      customerMost: { distress: b.cues.distress.most, hostility: b.cues.hostility.most },
    },
    rising: { distress: b.cues.distress.rising, hostility: b.cues.hostility.rising },
    calmTurnDecay: b.ctd,
    minHold: b.hold,
    f1,
  };
}
