import { describe, expect, it } from 'vitest';
import { bundledCueModel, createCueScorer } from '@core/model';
import { extractFeatures, newFeatureVector } from '@core/model/features';
import { rawLogits, sigmoid } from '@core/model/model';
import { DEFAULT_PROFILE } from '@core/profile';
import { createUtteranceScorer } from '@core/scoring';

// The cue scorer keeps each word's hashed grams and summed weights between utterances. None of that may show:
// an utterance scores the same whatever came before it, and the same as gram by gram.

const rules = createUtteranceScorer(DEFAULT_PROFILE);
const LONG_WORDS = ['extraordinarily', 'administration', 'internationally', 'representative', 'communication', 'environmental'];
/** Far more character grams than one utterance may have (MAX_FEATURES), so it is read gram by gram. */
const LONG = Array.from({ length: 180 }, (_, i) => `${LONG_WORDS[i % LONG_WORDS.length]}${i % 7 === 0 ? 'ness' : ''}`).join(' ');

/** The calibrated probabilities straight from extractFeatures, for turns with no lexicon floor or profile phrases. */
function fromFeatures(text: string): { distress: number; hostility: number } {
  const model = bundledCueModel();
  const v = extractFeatures(text, (t, tokens) => (tokens ? rules.scoreTokens(t, tokens) : rules.score(t)), newFeatureVector());
  const raw = { distress: 0, hostility: 0 };
  rawLogits(model, v, raw);
  return {
    distress: sigmoid(model.platt.distress.a * raw.distress + model.platt.distress.b),
    hostility: sigmoid(model.platt.hostility.a * raw.hostility + model.platt.hostility.b),
  };
}

/** Utterances that between them say more distinct words than the scorer keeps, so its cache fills and starts again. */
function manyOthers(): string[] {
  const out: string[] = [];
  for (let u = 0; u < 500; u++) out.push(Array.from({ length: 50 }, (_, i) => `zq${u}w${i}`).join(' ') + ' and i am so upset');
  return out;
}

describe('cue scorer word cache', () => {
  const texts = ["I'm so upset, nobody has called me back", 'This is absolutely ridiculous, I want a manager', 'thank you that is lovely', "I can't cope with this any more"];

  it('scores an utterance the same before and after many others, and after the cache has filled and started again', () => {
    const scorer = createCueScorer(DEFAULT_PROFILE);
    const first = texts.map((t) => scorer.score(t));
    for (const other of manyOthers()) scorer.score(other);
    expect(texts.map((t) => scorer.score(t))).toEqual(first);
    expect(texts.map((t) => createCueScorer(DEFAULT_PROFILE).score(t))).toEqual(first);
  });

  it('scores a word alone the same whether it was first seen alone or inside an utterance too long for the cache', () => {
    const fresh = createCueScorer(DEFAULT_PROFILE);
    const alone = LONG_WORDS.map((w) => fresh.score(w));
    const longFirst = createCueScorer(DEFAULT_PROFILE);
    const long = longFirst.score(LONG);
    expect(LONG_WORDS.map((w) => longFirst.score(w))).toEqual(alone);
    // And the long utterance the same after its words are known.
    expect(longFirst.score(LONG)).toEqual(long);
    expect(fresh.score(LONG)).toEqual(long);
  });

  it('gives the probabilities extractFeatures gives, gram by gram, short and long', () => {
    const scorer = createCueScorer(DEFAULT_PROFILE);
    for (const text of ['I was wondering when my parcel will arrive', 'the weather has been cloudy lately, hasn’t it', 'ok', '', LONG]) {
      // No lexicon hit, so no floor: the probabilities are the model's own.
      expect(rules.score(text).evidence.filter((e) => e.weight > 0)).toEqual([]);
      const want = fromFeatures(text);
      for (let pass = 0; pass < 2; pass++) {
        const got = scorer.score(text);
        expect(got.distress).toBeCloseTo(want.distress, 12);
        expect(got.hostility).toBeCloseTo(want.hostility, 12);
      }
    }
  });
});
