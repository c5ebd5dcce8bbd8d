import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareMetrics, PhraseIndex, phraseTokens, withThreshold } from '@core/calibration';
import type { LabelledCall } from '@core/labelledCall';
import { phraseWords, tokenize } from '@core/lexicon/tokenize';
import type { Profile } from '@core/profile';
import { WorkbenchModel } from '../../renderer/src/workbench/workbenchModel';

const fixtureProfile = JSON.parse(readFileSync('tests/fixtures/calibration/sweep-profile.json', 'utf8')) as Profile;

type Call = Pick<LabelledCall, 'id' | 'segments'>;
const findPhraseHits = (calls: readonly Call[], phrase: string) => new PhraseIndex(calls).search(phrase);

/** The plain scan the index must agree with: every customer line, word run by word run. */
function scanForPhrase(calls: readonly Call[], phrase: string) {
  const words = phraseWords(phrase);
  const byLabel = { none: 0, distress: 0, hostility: 0, safety: 0 };
  const hits: { callId: string; segmentIndex: number; text: string; label: keyof typeof byLabel; span: readonly [number, number] }[] = [];
  for (const call of calls) {
    call.segments.forEach((segment, segmentIndex) => {
      if (segment.speaker !== 'customer' || words.length === 0) return;
      const tokens = tokenize(segment.text);
      for (let i = 0; i + words.length <= tokens.words.length; i++) {
        if (words.every((w, k) => tokens.words[i + k] === w)) {
          const label = segment.label ?? 'none';
          byLabel[label]++;
          if (hits.length < 200) hits.push({ callId: call.id, segmentIndex, text: segment.text, label, span: [tokens.starts[i]!, tokens.ends[i + words.length - 1]!] });
          return;
        }
      }
    });
  }
  return { hits, total: Object.values(byLabel).reduce((a, b) => a + b, 0), byLabel };
}

function loadModel(text: string, name = 'calls.jsonl'): WorkbenchModel {
  const model = new WorkbenchModel();
  model.beginLoad(name);
  text.split('\n').forEach((line, i) => model.addLine(line, i + 1));
  return model;
}

const fixture = readFileSync('tests/fixtures/calibration/sweep-calls.jsonl', 'utf8');

describe('phrase search', () => {
  const calls = [
    {
      id: 'a',
      segments: [
        { speaker: 'customer' as const, start: 0, end: 2, text: 'You  people never listen!', label: 'hostility' as const },
        { speaker: 'agent' as const, start: 3, end: 5, text: 'I hear you, people get frustrated.' },
        { speaker: 'customer' as const, start: 6, end: 8, text: 'You peoples? No.', label: 'none' as const },
        { speaker: 'customer' as const, start: 9, end: 10, text: 'I can’t cope with you people.', label: 'distress' as const },
      ],
    },
  ];

  it('matches whole words, any spacing and case, customer lines only, counted by label', () => {
    const result = findPhraseHits(calls, 'you people');
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => [h.segmentIndex, h.text.slice(h.span[0], h.span[1])])).toEqual([
      [0, 'You  people'],
      [3, 'you people'],
    ]);
    expect(result.byLabel).toEqual({ none: 0, distress: 1, hostility: 1, safety: 0 });
  });

  it('reads words as the scorer does: curly or missing apostrophes alike; nothing for an empty phrase', () => {
    expect(findPhraseHits(calls, "can't cope").total).toBe(1);
    expect(findPhraseHits(calls, 'cant cope').total).toBe(1);
    expect(phraseTokens('   ')).toEqual([]);
    expect(findPhraseHits(calls, '  ').total).toBe(0);
  });

  it('ignores punctuation in the phrase, as scoring does', () => {
    expect(findPhraseHits(calls, 'listen!(').total).toBe(1);
    expect(findPhraseHits(calls, 'No.').total).toBe(1);
  });
});

describe('the workbench model', () => {
  it('keeps every good line of a file, and lists the bad ones with line and field', () => {
    const text = `${fixture.trim()}\n{"id": "bad", "segments": [{"speaker": "caller", "start": 0, "end": 1, "text": "hi"}]}\nnot json\n`;
    const model = loadModel(text);
    const summary = model.summary();
    expect(summary.calls).toBe(7);
    expect(summary.problemCount).toBe(2);
    expect(summary.problems[0]).toMatchObject({ line: 8, field: 'segments[0].speaker' });
    expect(summary.problems[1]).toMatchObject({ line: 9, field: '(line)' });
  });

  it('gives the hand-worked figures, and moving a threshold changes them', () => {
    const model = loadModel(fixture);
    const at = (rising: number) => model.evaluate(withThreshold(fixtureProfile, { cue: 'hostility', key: 'rising' }, rising)).cues.hostility;
    expect(at(0.2)).toMatchObject({ tp: 3, fp: 2, fn: 1 });
    expect(at(0.6)).toMatchObject({ tp: 1, fp: 0, fn: 3 });
  });

  it('rescores when a phrase is added, so its weight counts at once', () => {
    const model = loadModel(fixture);
    const without = model.evaluate(fixtureProfile).cues.hostility;
    const withFlimp: Profile = { ...fixtureProfile, phrases: { ...fixtureProfile.phrases, add: [...fixtureProfile.phrases.add, { phrase: 'flimp', cue: 'hostility', weight: 0.6 }] } };
    const after = model.evaluate(withFlimp).cues.hostility;
    // c7 "Flimp." is labelled hostility (now a hit), c6 "Flimp." is not (now a false alarm).
    expect(after.tp).toBe(without.tp + 1);
    expect(after.fp).toBe(without.fp + 1);
  });

  it('lists calls by outcome and traces one with its evidence', () => {
    const model = loadModel(fixture);
    const profile = withThreshold(fixtureProfile, { cue: 'hostility', key: 'rising' }, 0.4);
    expect(model.listCalls(profile, 'missed', 10).calls.map((c) => c.id)).toEqual(['sweep-c2', 'sweep-c7']);
    expect(model.listCalls(profile, 'false-alarm', 10).calls.map((c) => c.id)).toEqual(['sweep-c5']);
    expect(model.listCalls(profile, 'all', 3)).toMatchObject({ total: 7 });
    const trace = model.trace(profile, 2);
    expect(trace.id).toBe('sweep-c3');
    expect(trace.points).toHaveLength(1);
    expect(trace.agentLines).toHaveLength(1);
    const point = trace.points[0]!;
    expect(point.levels.hostility).toBeCloseTo(0.9, 5);
    expect(point.states.hostility).toBe('rising');
    expect(point.alerts).toEqual(['hostility']);
    expect(point.evidence.map((e) => e.text)).toEqual(['Zorbly', 'quibbet']);
    expect(() => model.trace(profile, 99)).toThrow(/no call number 100 \(7 loaded\)/);
  });

  it('compares two profiles on the same calls', () => {
    const model = loadModel(fixture);
    const a = model.evaluate(withThreshold(fixtureProfile, { cue: 'hostility', key: 'rising' }, 0.2));
    const b = model.evaluate(withThreshold(fixtureProfile, { cue: 'hostility', key: 'rising' }, 0.6));
    const cmp = compareMetrics(a, b);
    const hostility = cmp.deltas.find((d) => d.cue === 'hostility')!;
    expect(hostility.precision).toBeCloseTo(0.4);
    expect(hostility.recall).toBeCloseTo(-0.5);
    expect(cmp.falseAlertsPerHourDelta).toBeCloseTo(-2);
    expect(cmp.caughtDelta).toBe(-2);
  });
});

describe('the phrase index', () => {
  it('finds exactly what the plain search finds', () => {
    const calls = readFileSync('tests/fixtures/calibration/sweep-calls.jsonl', 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Call);
    const index = new PhraseIndex(calls);
    for (const phrase of ['zorbly', 'Zorbly quibbet', 'quibbet', 'flimp', 'goodbye', 'nothing here', '']) {
      expect(index.search(phrase)).toEqual(scanForPhrase(calls, phrase));
    }
    // Agent lines are never searched.
    expect(index.search('goodbye').total).toBe(0);
  });
});

describe('call list summaries', () => {
  it('say a call alerted exactly when the evaluation trace reaches rising, on every practice call and a fading one', async () => {
    const { readdirSync } = await import('node:fs');
    const { parseLabelledCalls } = await import('@core/labelledCall');
    const { scoreCalls, traceTrend } = await import('@core/evaluation');
    const { callOutcome } = await import('@core/calibration/trace');
    const { DEFAULT_PROFILE } = await import('@core/profile');
    const { CUES } = await import('@core/cues');
    const dir = 'tests/fixtures/scenarios';
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => readFileSync(`${dir}/${f}`, 'utf8').trim())
      .join('\n');
    // Two mild remarks with calm replies between: the calm customer turns let the level fade before the second.
    const fading = ['That is a bit annoying.', 'Okay.', 'Okay, thanks.', 'I am a little irritated.'].map((t, i) => ({
      speaker: 'customer',
      start: i * 4,
      end: i * 4 + 1,
      text: t,
      label: 'none',
    }));
    const parsed = parseLabelledCalls(`${text}\n${JSON.stringify({ id: 'fading', segments: fading })}`);
    const scored = scoreCalls(parsed.calls, DEFAULT_PROFILE);
    let alerts = 0;
    parsed.calls.forEach((_, i) => {
      const trace = traceTrend(scored, DEFAULT_PROFILE, i);
      const fromTrace = CUES.filter((cue) => trace.states[cue].some((s: number) => s >= 2));
      alerts += fromTrace.length;
      expect(callOutcome(scored, i, DEFAULT_PROFILE).alerted).toEqual(fromTrace);
    });
    expect(alerts).toBeGreaterThan(3);
  });
});
