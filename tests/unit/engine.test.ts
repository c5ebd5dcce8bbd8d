import { describe, expect, it } from 'vitest';
import type { CardSelector, SelectorInput } from '@core/cards/types';
import { createCueEngine } from '@core/engine';
import { DEFAULT_PROFILE } from '@core/profile';
import type { TranscriptEvent } from '@core/transcript';

let seq = 0;
const final = (channel: 'customer' | 'agent', at: number, text: string): TranscriptEvent => ({ type: 'final', channel, segmentId: `s${++seq}`, start: at - 2, end: at, text });

/** A selector that shows nothing and records what the engine told it. */
function recordingSelector(): CardSelector & { inputs: SelectorInput[] } {
  const inputs: SelectorInput[] = [];
  return { inputs, select: (input) => (inputs.push(input), null), dismiss: () => undefined, current: () => null };
}

describe('cue engine', () => {
  it('never scores the agent: an agent final full of angry words changes no cue', () => {
    const engine = createCueEngine(DEFAULT_PROFILE);
    const update = engine.push(final('agent', 5, "I'm furious, this is ridiculous, you idiot, I'll report you, I want to die"));
    expect(update.utterance).toBeUndefined();
    for (const reading of Object.values(update.cues)) {
      expect(reading.level).toBe(0);
      expect(reading.state).toBe('calm');
      expect(reading.evidence).toEqual([]);
    }
    expect(update.transitions).toEqual([]);
    expect(update.agentContext).toEqual({ badNews: [] });
  });

  it('reads bad news from the agent as context and hands it to the selector', () => {
    const selector = recordingSelector();
    const engine = createCueEngine(DEFAULT_PROFILE, selector);
    const update = engine.push(final('agent', 5, "Unfortunately we can't offer a refund on that."));
    expect(update.agentContext?.badNewsKind).toBe('refund-refused');
    engine.push(final('customer', 9, 'That is so frustrating.'));
    expect(selector.inputs.at(-1)).toMatchObject({ badNewsKind: 'refund-refused' });
    expect(selector.inputs.at(-1)?.badNews.length).toBeGreaterThan(0);
    // Long after, the news is no longer "recent".
    engine.tick(200);
    expect(selector.inputs.at(-1)?.badNews).toEqual([]);
  });

  it('a calm call stays calm and shows no alert card', () => {
    const engine = createCueEngine(DEFAULT_PROFILE);
    const lines = ["Hi, I'm calling about my bill.", 'Sure, can I take your account number?', "Yes, it's 4411 2290.", 'Thanks. I can see the payment went through.', 'Great, thank you so much for your help.'];
    let update = engine.snapshot();
    lines.forEach((text, i) => (update = engine.push(final(i % 2 ? 'agent' : 'customer', 5 * (i + 1), text))));
    for (const reading of Object.values(update.cues)) expect(reading.state).toBe('calm');
    expect(update.card === null || update.card.reason.kind === 'call-start').toBe(true);
  });

  it('a climbing customer reaches rising, with the words that did it as evidence and a card', () => {
    const engine = createCueEngine(DEFAULT_PROFILE);
    engine.push(final('customer', 4, "I've been on hold for forty minutes."));
    const update = engine.push(final('customer', 10, 'This is really frustrating, you people never call back.'));
    expect(['rising', 'high']).toContain(update.cues.hostility.state);
    expect(update.transitions.some((t) => t.cue === 'hostility' && (t.to === 'rising' || t.to === 'high'))).toBe(true);
    expect(update.cues.hostility.evidence.map((e) => e.text)).toEqual(expect.arrayContaining(['frustrating', 'you people']));
    expect(update.card).not.toBeNull();
    expect(update.card?.evidence.length).toBeGreaterThan(0);
  });

  it('one mild remark fires nothing; after hostile remarks the same words weigh more and reach an alert', () => {
    const mild = createCueEngine(DEFAULT_PROFILE).push(final('customer', 5, "I'm not happy about this."));
    expect(mild.cues.hostility.level).toBeGreaterThan(0);
    expect(['calm', 'watch']).toContain(mild.cues.hostility.state);

    const lines = ['This is a joke.', "I'm really annoyed now.", "I'm sick of it."];
    const engine = createCueEngine(DEFAULT_PROFILE);
    const updates = lines.map((text, i) => engine.push(final('customer', 5 + 8 * i, text)));
    const alone = createCueEngine(DEFAULT_PROFILE).push(final('customer', 5, lines[2]));
    // The third remark, after two like it, scores higher than the same words opening a call.
    expect(updates[2].utterance?.hostility).toBeGreaterThan(alone.utterance?.hostility ?? 1);
    expect(['rising', 'high']).toContain(updates[2].cues.hostility.state);
  });

  it('a threat jumps hostility to high at once', () => {
    const engine = createCueEngine(DEFAULT_PROFILE);
    const update = engine.push(final('customer', 3, "If this isn't fixed I'll report you."));
    expect(update.cues.hostility.state).toBe('high');
  });

  it('a self-harm statement shows the safety card at once and safety stays high', () => {
    const engine = createCueEngine(DEFAULT_PROFILE);
    engine.push(final('customer', 3, 'Hello, I need help with my payment.'));
    const update = engine.push(final('customer', 9, "Honestly I don't want to be here anymore."));
    expect(update.cues.safety.state).toBe('high');
    expect(update.card?.card.id).toBe('safety');
    expect(engine.tick(900).cues.safety.state).toBe('high');
  });

  it('safety lines only place weaker words: a clear phrase is high at any line, a denied one alerts only below 0.2', () => {
    // What the workbench says beside the safety sliders.
    const withSafety = (line: number) => ({ ...DEFAULT_PROFILE, thresholds: { ...DEFAULT_PROFILE.thresholds, safety: { watch: line, rising: line, high: line } } });
    for (const line of [0.05, 0.5, 0.95]) {
      const clear = createCueEngine(withSafety(line)).push(final('customer', 4, "Honestly I don't want to be here anymore."));
      expect(clear.cues.safety.state).toBe('high');
    }
    const denied = "I'm not suicidal, just tired.";
    expect(createCueEngine(withSafety(0.5)).push(final('customer', 4, denied)).cues.safety.state).toBe('calm');
    expect(createCueEngine(withSafety(0.1)).push(final('customer', 4, denied)).cues.safety.state).toBe('high');
  });

  it('shows acoustic evidence about the customer voice, e.g. "raised voice +8 dB"', () => {
    const engine = createCueEngine(DEFAULT_PROFILE);
    const update = engine.observe({ channel: 'customer', at: 4, feature: 'raised-voice', value: 8 });
    expect(update.cues.hostility.level).toBeGreaterThan(0);
    expect(update.cues.hostility.evidence[0]).toMatchObject({ kind: 'raised-voice', text: 'raised voice +8 dB' });
    // Within the caller's normal range: nothing.
    expect(createCueEngine(DEFAULT_PROFILE).observe({ channel: 'customer', at: 4, feature: 'raised-voice', value: 2 }).cues.hostility.level).toBe(0);
  });

  it('tells the selector when the agent is mid-sentence, from agent partials', () => {
    const selector = recordingSelector();
    const engine = createCueEngine(DEFAULT_PROFILE, selector);
    engine.push({ type: 'partial', channel: 'agent', segmentId: 'a1', start: 1, end: 2, text: 'So what I can' });
    expect(selector.inputs.at(-1)?.agentSpeaking).toBe(true);
    engine.push({ type: 'final', channel: 'agent', segmentId: 'a1', start: 1, end: 3, text: 'So what I can do is this.' });
    expect(selector.inputs.at(-1)?.agentSpeaking).toBe(false);
    // A customer partial is not the agent speaking, and is not scored.
    const u = engine.push({ type: 'partial', channel: 'customer', segmentId: 'c1', start: 4, end: 5, text: 'I am furious' });
    expect(selector.inputs.at(-1)?.agentSpeaking).toBe(false);
    expect(u.cues.hostility.level).toBe(0);
    // A partial the recogniser never finished does not hold cards back for ever.
    engine.push({ type: 'partial', channel: 'agent', segmentId: 'a2', start: 6, end: 7, text: 'And then' });
    expect(selector.inputs.at(-1)?.agentSpeaking).toBe(true);
    engine.tick(30);
    expect(selector.inputs.at(-1)?.agentSpeaking).toBe(false);
  });

  it('levels decay on tick and the state falls back after the hold', () => {
    const engine = createCueEngine(DEFAULT_PROFILE);
    engine.push(final('customer', 5, 'I am so angry about this.'));
    expect(engine.snapshot().cues.hostility.state).not.toBe('calm');
    const later = engine.tick(300);
    expect(later.cues.hostility.state).toBe('calm');
    expect(later.cues.hostility.level).toBeLessThan(0.01);
  });

  it('a calm reply from the customer lets the heat fade faster than silence; the agent talking does not', () => {
    const afterwards = (second: TranscriptEvent) => {
      const engine = createCueEngine(DEFAULT_PROFILE);
      engine.push(final('customer', 5, 'I am so angry about this.'));
      expect(engine.snapshot().cues.hostility.state).toBe('rising');
      return engine.push(second).cues.hostility;
    };
    const calmReply = afterwards(final('customer', 15, 'Okay, the account number is four five six.'));
    const agentTalks = afterwards(final('agent', 15, 'Okay, the account number is four five six.'));
    // The calm turn keeps only a share of what was left (or its own small probability, if that is larger).
    expect(calmReply.level).toBeLessThan(agentTalks.level / 2);
    expect(['calm', 'watch']).toContain(calmReply.state);
    expect(agentTalks.state).toBe('rising');
  });

  it('is deterministic: the same events give the same updates', () => {
    const events = [final('customer', 3, 'I lost my job and I cannot pay.'), final('agent', 6, 'I understand.'), final('customer', 9, "I'm scared, I can't cope.")];
    const run = () => {
      const engine = createCueEngine(DEFAULT_PROFILE);
      return events.map((e) => engine.push(e));
    };
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });
});

describe('safety and distress together', () => {
  it('lets a self-harm statement raise distress too, so the distress meter never reads calm under the safety card', () => {
    const engine = createCueEngine(DEFAULT_PROFILE);
    engine.push({ type: 'final', channel: 'customer', segmentId: 'a', start: 0, end: 3, text: 'I lost my job last month.' });
    const update = engine.push({
      type: 'final',
      channel: 'customer',
      segmentId: 'b',
      start: 4,
      end: 9,
      text: 'Sometimes I think everyone would be better off without me.',
    });
    expect(update.cues.safety.state).toBe('high');
    expect(['rising', 'high']).toContain(update.cues.distress.state);
    expect(update.card?.card.id).toBe('safety');
  });
});
