import { describe, expect, it } from 'vitest';
import { AcousticAnalyzer } from '@core/audio/acoustic';
import { ChannelHealth } from '@core/audio/channelHealth';
import { FrameAnalyzer } from '@core/audio/voiceActivity';
import type { AcousticObservation, TranscriptWord } from '@core/transcript';
import { concatSamples } from '../support/samples';

const RATE = 16_000;

/** Speech-like signal: 4 Hz syllable bursts of a voiced buzz at the given RMS level, over faint noise. */
function speechLike(seconds: number, levelDb: number, seed = 1): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  const amp = 10 ** (levelDb / 20) * Math.SQRT2;
  let s = seed;
  const noise = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 2e-3;
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    const syllable = Math.sin(2 * Math.PI * 4 * t) > -0.3 ? 1 : 0;
    const buzz = 0.6 * Math.sin(2 * Math.PI * 140 * t) + 0.3 * Math.sin(2 * Math.PI * 420 * t) + 0.1 * Math.sin(2 * Math.PI * 1100 * t);
    out[i] = syllable * amp * buzz + noise();
  }
  return out;
}

function quiet(seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  let s = 7;
  for (let i = 0; i < out.length; i++) out[i] = ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 2e-4;
  return out;
}

const concat = concatSamples;

/** Feed both channels in 100 ms blocks, as the capture pipeline does. */
function run(customer: Float32Array, agent?: Float32Array): AcousticObservation[] {
  const analyzer = new AcousticAnalyzer();
  const frames = { customer: new FrameAnalyzer(), agent: new FrameAnalyzer() };
  const out: AcousticObservation[] = [];
  const block = RATE / 10;
  const length = Math.max(customer.length, agent?.length ?? 0);
  for (let at = 0; at < length; at += block) {
    if (agent) for (const f of frames.agent.push(agent.subarray(at, at + block))) analyzer.pushFrame('agent', f);
    for (const f of frames.customer.push(customer.subarray(at, at + block))) out.push(...analyzer.pushFrame('customer', f));
  }
  return out;
}

const of = (obs: AcousticObservation[], feature: AcousticObservation['feature']) => obs.filter((o) => o.feature === feature);

describe('acoustic cues from the customer channel', () => {
  it('flags a raised voice against this caller\'s own baseline, only once it is raised', () => {
    const obs = run(concat(speechLike(10, -32), speechLike(6, -20)));
    const raised = of(obs, 'raised-voice');
    expect(raised.length).toBeGreaterThan(0);
    expect(raised.every((o) => o.at > 10)).toBe(true);
    const peak = Math.max(...raised.map((o) => o.value));
    expect(peak).toBeGreaterThan(9);
    expect(peak).toBeLessThan(15);
  });

  it('does not call a naturally loud caller raised', () => {
    expect(of(run(speechLike(20, -14)), 'raised-voice')).toEqual([]);
  });

  it('never judges the agent\'s loudness', () => {
    const obs = run(concat(speechLike(8, -32), quiet(8)), concat(quiet(8), speechLike(8, -10)));
    expect(of(obs, 'raised-voice')).toEqual([]);
  });

  it('reports overtalk when both channels speak at once for over a second', () => {
    const customer = concat(speechLike(4, -30), speechLike(3, -30, 3));
    const agent = concat(quiet(4), speechLike(3, -30, 5));
    const overtalk = of(run(customer, agent), 'overtalk');
    expect(overtalk).toHaveLength(1);
    expect(overtalk[0]!.at).toBeGreaterThanOrEqual(4.9);
    expect(overtalk[0]!.at).toBeLessThan(6.5);
  });

  it('does not report overtalk when they take turns', () => {
    const customer = concat(speechLike(3, -30), quiet(3), speechLike(3, -30));
    const agent = concat(quiet(3), speechLike(3, -30), quiet(3));
    expect(of(run(customer, agent), 'overtalk')).toEqual([]);
  });

  it('reports a long shared silence once it passes eight seconds', () => {
    const obs = of(run(concat(speechLike(3, -30), quiet(12), speechLike(2, -30))), 'long-silence');
    expect(obs).toHaveLength(1);
    expect(obs[0]!.value).toBeGreaterThanOrEqual(8);
    expect(obs[0]!.at).toBeGreaterThan(11);
    expect(obs[0]!.at).toBeLessThan(12);
  });

  it('reports fast speech relative to the caller\'s own pace', () => {
    const analyzer = new AcousticAnalyzer();
    const words = (start: number, perSecond: number, n: number): TranscriptWord[] =>
      Array.from({ length: n }, (_, i) => ({ word: `w${i}`, start: start + i / perSecond, end: start + (i + 0.8) / perSecond, conf: 1 }));
    for (let i = 0; i < 3; i++) expect(analyzer.pushWords(words(i * 10, 2.5, 8), i * 10 + 4)).toEqual([]);
    expect(analyzer.pushWords(words(40, 2.7, 8), 44)).toEqual([]);
    const fast = analyzer.pushWords(words(50, 4.5, 12), 53);
    expect(fast).toHaveLength(1);
    expect(fast[0]!.feature).toBe('fast-speech');
    expect(fast[0]!.value).toBeGreaterThan(1.5);
  });
});

describe('channel health', () => {
  it('calls a channel silent after 30 s with no signal, and recovers at once', () => {
    const health = new ChannelHealth(30);
    for (let i = 0; i < 1450; i++) health.push(-100, 0.02);
    expect(health.condition).toBe('ok');
    for (let i = 0; i < 60; i++) health.push(-100, 0.02);
    expect(health.condition).toBe('silent');
    expect(health.push(-40, 0.02)).toBe('ok');
  });
});
