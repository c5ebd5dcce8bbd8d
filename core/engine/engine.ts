import { createCardSelector } from '../cards';
import type { CardSelector, SelectorInput } from '../cards/types';
import * as cues from '../cues';
import type { Cue, CueState } from '../cues';
import type { Evidence } from '../evidence';
import { readAgentContext } from '../agentContext';
import type { Profile } from '../profile';
import { createCueScorer, hearAgentTurn, newConversationContext } from '../model';
import * as scoring from '../scoring';
import type { AgentContext, UtteranceScore } from '../scoring/types';
import type { AcousticObservation, TranscriptEvent } from '../transcript';
import * as trend from '../trend';
import type { TrendParams, TrendState } from '../trend';
import type { Score, Seconds } from '../units';
import type { CueEngine, CueReading, CueTransition, EngineUpdate } from './types';

// Bound once: read through an imported binding, each use can cost a getter call in some module loaders, and these
// run on every step of every call.
const { CUE_STATES, CUES } = cues;
const { isJump } = scoring;
const { newTrendState, stateOf, stepTrend, trendParams } = trend;

/** How long the agent's bad news stays relevant to the customer's reaction. */
const BAD_NEWS_WINDOW: Seconds = 60;
/** Evidence items kept per cue for the card's "why". */
const EVIDENCE_PER_CUE = 5;
/** An agent partial not followed by anything for this long is treated as dropped. */
const STALE_PARTIAL_SECONDS: Seconds = 10;
/** Raised voice counts only beyond this many dB over the caller's baseline (quiet rooms vary). */
const RAISED_VOICE_FLOOR_DB = 3;

interface TimedEvidence {
  at: Seconds;
  item: Evidence;
}

interface CueTrack {
  cue: Cue;
  params: TrendParams;
  trend: TrendState;
  /** (time, level) after each step inside the rise window, oldest first. */
  history: Array<{ at: Seconds; level: Score }>;
  evidence: TimedEvidence[];
  reading: CueReading;
}

function acousticInput(o: AcousticObservation, profile: Profile): { cue: Cue; weight: Score; text: string } | null {
  const w = profile.weights.acoustic;
  switch (o.feature) {
    case 'raised-voice': {
      const above = o.value - RAISED_VOICE_FLOOR_DB;
      return above > 0 ? { cue: 'hostility', weight: above * w.raisedVoicePerDb, text: `raised voice +${Math.round(o.value)} dB` } : null;
    }
    case 'fast-speech':
      return o.value > 0 ? { cue: 'distress', weight: o.value * w.fastSpeech, text: `speaking faster, +${o.value.toFixed(1)} words/s` } : null;
    case 'overtalk':
      return o.value > 0 ? { cue: 'hostility', weight: o.value * w.overtalk, text: `talking over, ${o.value.toFixed(1)} s` } : null;
    case 'long-silence':
      return o.value > 0 ? { cue: 'distress', weight: o.value * w.longSilence, text: `long silence, ${o.value.toFixed(0)} s` } : null;
  }
}

/**
 * The live loop's brain. Scores customer finals, reads agent finals for context
 * only, keeps each cue's trend and asks the card selector what to show. Pure and
 * synchronous: the same events always give the same updates, in replay, in
 * evaluation and live.
 */
export function createCueEngine(profile: Profile, selector: CardSelector = createCardSelector(profile)): CueEngine {
  const scorer = createCueScorer(profile);
  const conversation = newConversationContext();
  const riseWindow = profile.trend.riseWindow;
  const track = (cue: Cue): CueTrack => ({
    cue,
    params: trendParams(profile, cue),
    trend: newTrendState(),
    history: [],
    evidence: [],
    reading: { cue, level: 0, rise: 0, state: 'calm', since: 0, evidence: [] },
  });
  const tracks: Record<Cue, CueTrack> = { distress: track('distress'), hostility: track('hostility'), safety: track('safety') };
  /** Agent utterances still being spoken: segmentId -> call time of the latest partial. */
  const openAgentPartials = new Map<string, Seconds>();
  let badNews: { at: Seconds; context: AgentContext } | null = null;
  let clock: Seconds = 0;
  let started = false;
  let last: EngineUpdate = build(0, null, null, [], undefined, undefined);

  function readings(): Record<Cue, CueReading> {
    return { distress: tracks.distress.reading, hostility: tracks.hostility.reading, safety: tracks.safety.reading };
  }

  /** Steps one cue and refreshes its reading; returns the transition, if any. */
  function step(track: CueTrack, now: Seconds, input: Score, jump: boolean, items: readonly Evidence[], segmentId: string | null, turn: boolean): CueTransition | null {
    const before = track.trend.state;
    const code = stepTrend(track.trend, track.params, now, input, jump, turn);
    const t = track.trend;
    track.history.push({ at: now, level: t.level });
    while (track.history.length > 1 && track.history[1].at <= now - riseWindow) track.history.shift();
    // Rise: today's level minus the level at the start of the window (0 when the call is younger than the window).
    const base = track.history[0].at <= now - riseWindow ? track.history[0].level : 0;
    let changed = false;
    for (const item of items) {
      if (item.weight > 0) {
        track.evidence.unshift({ at: now, item });
        changed = true;
      }
    }
    if (track.evidence.length > EVIDENCE_PER_CUE) {
      track.evidence.length = EVIDENCE_PER_CUE;
      changed = true;
    }
    // Evidence older than about three half-lives no longer holds the level up (a latched safety alert keeps its words).
    const horizon = now - 3 * profile.trend.halfLife;
    while (!t.latched && track.evidence.length > 0 && track.evidence[track.evidence.length - 1].at < horizon) {
      track.evidence.pop();
      changed = true;
    }
    const state: CueState = stateOf(code);
    track.reading = {
      cue: track.cue,
      level: t.level,
      rise: t.level - base,
      state,
      since: t.since,
      evidence: changed ? track.evidence.map((e) => e.item) : track.reading.evidence,
    };
    if (code === before) return null;
    return { cue: track.cue, from: stateOf(before), to: state, at: now, segmentId: segmentId ?? '' };
  }

  /** `turn`: a customer final (a calm one lets earlier heat fade faster); acoustic observations, agent finals and ticks are not turns. */
  function stepAll(now: Seconds, inputs: Partial<Record<Cue, { input: Score; jump: boolean; items: readonly Evidence[] }>>, segmentId: string | null, turn = false): CueTransition[] {
    clock = Math.max(clock, now);
    const transitions: CueTransition[] = [];
    for (const cue of CUES) {
      const i = inputs[cue];
      const t = step(tracks[cue], clock, i?.input ?? 0, i?.jump ?? false, i?.items ?? [], segmentId, turn);
      if (t) transitions.push(t);
    }
    return transitions;
  }

  function build(
    at: Seconds,
    segmentId: string | null,
    channel: EngineUpdate['channel'],
    transitions: readonly CueTransition[],
    utterance: UtteranceScore | undefined,
    agentContext: AgentContext | undefined,
    selected?: { card: EngineUpdate['card']; changed: boolean },
  ): EngineUpdate {
    const update: EngineUpdate = {
      at,
      segmentId,
      channel,
      cues: readings(),
      transitions,
      card: selected?.card ?? null,
      cardChanged: selected?.changed ?? false,
    };
    if (utterance) update.utterance = utterance;
    if (agentContext) update.agentContext = agentContext;
    return update;
  }

  function finish(
    now: Seconds,
    segmentId: string | null,
    channel: EngineUpdate['channel'],
    transitions: readonly CueTransition[],
    latestEvidence: readonly Evidence[],
    utterance?: UtteranceScore,
    agentContext?: AgentContext,
  ): EngineUpdate {
    const recentBadNews = badNews !== null && clock - badNews.at <= BAD_NEWS_WINDOW ? badNews.context : null;
    const states = { distress: tracks.distress.reading.state, hostility: tracks.hostility.reading.state, safety: tracks.safety.reading.state };
    const input: SelectorInput = {
      now: clock,
      states,
      rose: transitions.filter((t) => CUE_STATES.indexOf(t.to) > CUE_STATES.indexOf(t.from)).map((t) => t.cue),
      evidence: latestEvidence,
      cueEvidence: { distress: tracks.distress.reading.evidence, hostility: tracks.hostility.reading.evidence, safety: tracks.safety.reading.evidence },
      badNews: recentBadNews?.badNews ?? [],
      agentSpeaking: agentSpeaking(),
      phase: started ? 'in-call' : 'call-start',
    };
    if (recentBadNews?.badNewsKind) input.badNewsKind = recentBadNews.badNewsKind;
    started = true;
    const before = selector.current();
    const card = selector.select(input);
    last = build(now, segmentId, channel, transitions, utterance, agentContext, { card, changed: card !== null && card !== before });
    return last;
  }

  /** A partial with no final for a while means the recogniser dropped it, not that the agent is still talking. */
  function agentSpeaking(): boolean {
    for (const [id, at] of openAgentPartials) if (clock - at > STALE_PARTIAL_SECONDS) openAgentPartials.delete(id);
    return openAgentPartials.size > 0;
  }

  function pushFinal(event: TranscriptEvent): EngineUpdate {
    if (event.channel === 'agent') {
      openAgentPartials.delete(event.segmentId);
      // Context only: the agent's words are never scored for emotion.
      const context = readAgentContext(event.text);
      hearAgentTurn(conversation, event.text);
      if (context.badNews.length > 0) badNews = { at: event.end, context };
      const transitions = stepAll(event.end, {}, event.segmentId);
      return finish(clock, event.segmentId, 'agent', transitions, [], undefined, context);
    }
    const score = scorer.scoreTurn(event.text, conversation);
    const inputs: Partial<Record<Cue, { input: Score; jump: boolean; items: readonly Evidence[] }>> = {};
    for (const cue of CUES) {
      inputs[cue] = { input: score[cue], jump: isJump(score, cue), items: score.evidence.filter((e) => e.cue === cue) };
    }
    const transitions = stepAll(event.end, inputs, event.segmentId, true);
    return finish(clock, event.segmentId, 'customer', transitions, score.evidence, score);
  }

  return {
    push(event) {
      if (event.type === 'final') return pushFinal(event);
      clock = Math.max(clock, event.start);
      if (event.channel === 'agent') openAgentPartials.set(event.segmentId, Math.max(event.end, clock));
      return finish(clock, event.segmentId, event.channel, [], []);
    },
    observe(observation) {
      // Only the customer's voice is ever measured; anything else is ignored, not scored.
      if (observation.channel !== 'customer') return finish(clock, null, null, [], []);
      const signal = acousticInput(observation, profile);
      if (signal === null || signal.weight <= 0) return finish(Math.max(clock, observation.at), null, 'customer', stepAll(observation.at, {}, null), []);
      const weight = signal.weight * (profile.weights.categories[observation.feature] ?? 1);
      const item: Evidence = { cue: signal.cue, kind: observation.feature, text: signal.text, weight };
      const transitions = stepAll(observation.at, { [signal.cue]: { input: weight, jump: false, items: [item] } }, null);
      return finish(clock, null, 'customer', transitions, [item]);
    },
    tick(now) {
      return finish(Math.max(clock, now), null, null, stepAll(now, {}, null), []);
    },
    dismiss(now) {
      clock = Math.max(clock, now);
      selector.dismiss(clock);
      return finish(clock, null, null, [], []);
    },
    snapshot() {
      return last;
    },
  };
}
