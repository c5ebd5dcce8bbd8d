import { describe, expect, it } from 'vitest';
import { createCueEngine } from '@core/engine';
import { createCueScorer, loadCueModel, newConversationContext, hearAgentTurn, toRecogniserForm } from '@core/model';
import { decodeWeights, encodeWeights } from '@core/model/codec';
import { extractFeatures, HASH_DIM, newFeatureVector } from '@core/model/features';
import { NEUTRAL_WORDS } from '@core/model/neutralWords';
import { DEFAULT_PROFILE } from '@core/profile';
import { createUtteranceScorer } from '@core/scoring';
import file from '@core/model/cue-model.json';

const scorer = createCueScorer(DEFAULT_PROFILE);
const rules = createUtteranceScorer(DEFAULT_PROFILE);

function features(text: string): Map<number, number> {
  const v = extractFeatures(text, rules.score, newFeatureVector());
  const out = new Map<number, number>();
  for (let k = 0; k < v.count; k++) out.set(v.index[k], (out.get(v.index[k]) ?? 0) + v.value[k]);
  return out;
}

describe('recogniser form', () => {
  it('lowercases, drops punctuation and spells numbers as a recogniser would', () => {
    expect(toRecogniserForm("I've been charged £45 TWICE!!! Why?")).toBe("i've been charged forty five twice why");
    expect(toRecogniserForm('It’s 2024, account 12345678.')).toBe("it's two thousand twenty four account one two three four five six seven eight");
  });
});

describe('cue model features', () => {
  it('gives typed and spoken forms of the same words the same features', () => {
    const typed = features("I'm SO angry with you!! This is ridiculous.");
    const spoken = features("i'm so angry with you this is ridiculous");
    expect([...typed.entries()].sort()).toEqual([...spoken.entries()].sort());
  });

  it('remembers which words each hashed feature came from', () => {
    const text = 'I am absolutely furious';
    const v = extractFeatures(text, rules.score, newFeatureVector());
    expect(v.words).toEqual(['i', 'am', 'absolutely', 'furious']);
    for (let k = 0; k < v.count; k++) {
      if (v.fromWord[k] < 0) continue;
      expect(v.toWord[k]).toBeGreaterThan(v.fromWord[k]);
      expect(v.toWord[k]).toBeLessThanOrEqual(v.words.length);
    }
    expect(text.slice(v.starts[3], v.ends[3])).toBe('furious');
  });
});

describe('cue model probabilities', () => {
  const p = (text: string, cue: 'distress' | 'hostility'): number => scorer.score(text)[cue];
  /** Each of `calm` below the default distress line, each of `felt` at or above it. */
  const expectDistressLine = (calm: readonly string[], felt: readonly string[]): void => {
    const rising = DEFAULT_PROFILE.thresholds.distress.rising;
    for (const text of calm) expect(p(text, 'distress'), text).toBeLessThan(rising);
    for (const text of felt) expect(p(text, 'distress'), text).toBeGreaterThanOrEqual(rising);
  };

  it('orders hostile utterances above annoyed ones above calm ones', () => {
    const calm = p('Thanks so much, that sorts it out nicely.', 'hostility');
    const annoyed = p('This is getting really annoying.', 'hostility');
    const furious = p('I am absolutely furious, this is a disgrace and you are useless.', 'hostility');
    expect(furious).toBeGreaterThan(annoyed);
    expect(annoyed).toBeGreaterThan(calm);
    expect(calm).toBeLessThan(0.15);
  });

  it('orders distressed utterances above worried ones above calm ones', () => {
    const calm = p('Could you tell me when the next bill is due?', 'distress');
    const worried = p("I'm a bit worried about the next payment.", 'distress');
    const distressed = p("I can't stop crying, I'm so scared and I don't know what to do.", 'distress');
    expect(distressed).toBeGreaterThan(worried);
    expect(worried).toBeGreaterThan(calm);
    expect(calm).toBeLessThan(0.15);
  });

  it('hears sarcasm that reads as praise word by word as hostility, but not praise or a polite idiom', () => {
    const rising = DEFAULT_PROFILE.thresholds.hostility.rising;
    expect(p("Great, just great. That's the third time it's been moved.", 'hostility')).toBeGreaterThanOrEqual(rising);
    expect(p('great just great thats the third time its been moved', 'hostility')).toBeGreaterThanOrEqual(rising);
    expect(p("That's great, thank you, that's really helpful.", 'hostility')).toBeLessThan(rising);
    expect(p('I hate to bother you, but is the office open on Saturday?', 'hostility')).toBeLessThan(rising);
  });

  it('hears a calm request ending in "please" as calm, and a plea as distress by the words around it', () => {
    const rising = DEFAULT_PROFILE.thresholds.distress.rising;
    for (const request of ['Can I have the reference number please', 'Yes please', 'Please hold on, let me find my glasses']) {
      expect(p(request, 'distress')).toBeLessThan(rising);
    }
    expect(p('Please help me, I am so scared', 'distress')).toBeGreaterThanOrEqual(rising);
    // The model reads no word or character n-gram of "please" (the lexicon's rules still see it, as they see service words).
    const words = (text: string) => [...features(text).entries()].filter(([index]) => index < HASH_DIM).sort();
    expect(words('can i have it please')).toEqual(words('can i have it'));
  });

  it('hears the talk of the phone line (a bad line, asking to hear again, a small slip) as calm, sorry and all', () => {
    const { distress, hostility } = DEFAULT_PROFILE.thresholds;
    for (const text of ["Sorry, I didn't catch that.", "You're breaking up, I can't hear you.", "Sorry, it's a bad line.", 'Sorry, can you say that again?', 'Oh sorry, my mistake.', 'Sorry, can you spell that for me?']) {
      expect(p(text, 'distress'), text).toBeLessThan(distress.rising);
      expect(p(text, 'hostility'), text).toBeLessThan(hostility.rising);
    }
    // Only the line's talk: a sorry of its own, and a couple breaking up, are still read.
    expect(p("I'm so sorry, I didn't know he had died.", 'distress')).toBeGreaterThanOrEqual(distress.rising);
    const words = (text: string) => [...features(text).entries()].filter(([index]) => index < HASH_DIM).sort();
    expect(words("we're breaking up")).not.toEqual(words("we're"));
    expect(words("sorry i didn't catch that")).toEqual(words('that'));
    // A "sorry" that opens a question is courtesy; one that says what the caller is sorry about is read.
    expect(words('sorry can you spell that')).toEqual(words('can you spell that'));
    expect(words("i'm sorry it happened")).not.toEqual(words("i'm it happened"));
    // "Miss" about a bill is not "miss" about a person.
    expect(words('what happens if i miss a payment')).toEqual(words('what happens if i'));
    expect(words('i miss my dad')).not.toEqual(words('i my dad'));
  });

  it('hears "miss" said to someone, "unfortunately not" and a "sorry, but" before a request to hear again as calm', () => {
    // Missing someone, and a "sorry, but" that says what is wrong, are still read.
    expectDistressLine(
      ['Excuse me, Miss.', 'Can I help you, Miss?', 'Thank you, miss, that is all.', 'Unfortunately not.', "I'm sorry, but I didn't catch what you said."],
      ['I really miss him.', "I'll miss you.", "I'm sorry, but I'm so scared."],
    );
    const words = (text: string) => [...features(text).entries()].filter(([index]) => index < HASH_DIM).sort();
    expect(words('excuse me miss')).toEqual(words(''));
    expect(words('yes miss it was tuesday')).toEqual(words('yes it was tuesday'));
    expect(words('i really miss')).not.toEqual(words('i really'));
    expect(words("i'm sorry but i didn't catch that")).toEqual(words("i'm that"));
  });

  it('hears a routine report (a lost card, a log-in that fails, a dropped call) as calm, and losing a person or the supply as distress', () => {
    expectDistressLine(
      ['I lost my card.', "I can't log in to my account.", 'I got cut off last time.', 'The line went dead last time.', "I can't find the reference number."],
      ['I lost my husband in March.', "They're going to cut me off.", "I've lost my card and I'm terrified someone is using it."],
    );
  });

  it('raises a card when a caller tells of hardship or of their health and needs, even said plainly after a "yes"', () => {
    const rising = DEFAULT_PROFILE.thresholds.distress.rising;
    for (const text of [
      "Yes, I've been made redundant.",
      'Yes, I lost my job.',
      "Yeah, I can't pay the bill this month.",
      'I have no money.',
      "Yes, I'm registered blind.",
      "I'm on chemo at the moment.",
      'My mum has dementia, I look after her.',
      "English isn't my first language.",
    ]) {
      expect(p(text, 'distress'), text).toBeGreaterThanOrEqual(rising);
    }
    const engine = createCueEngine(DEFAULT_PROFILE);
    const update = engine.push({ type: 'final', channel: 'customer', segmentId: 'r1', start: 1, end: 3, text: "Yes, I've been made redundant." });
    expect(update.cues.distress.state).toBe('rising');
    // The disclosure card: thank them and ask, with no guess at how they feel about it.
    expect(update.card?.card.id).toBe('disclosure');
    expect(update.card?.evidence.map((e) => e.text.toLowerCase())).toContain('made redundant');
    // Denied hardship, offers that only sound like it, and a place or a thing named in passing, do not.
    for (const text of ["I'm not behind on my payments.", 'So there is no money off this month?', 'She is not disabled.', "I'm calling from the hospital."]) {
      expect(p(text, 'distress'), text).toBeLessThan(rising);
    }
    // A supervisor who weighs the category off gets no card for it.
    const off = createCueScorer({ ...DEFAULT_PROFILE, weights: { ...DEFAULT_PROFILE.weights, categories: { vulnerability: 0 } } });
    expect(off.score("Yes, I'm registered blind.").distress).toBeLessThan(rising);
    // A model adapted to a team's own calls reads disclosures as their labels taught it: here the bundled weights
    // carried as an adapted model, which without the rule put the plain disclosure below the line.
    const bundled = loadCueModel(file);
    const cue = (c: 'distress' | 'hostility') => ({ bias: bundled.bias[c], weights: encodeWeights(bundled.weights[c]), platt: bundled.platt[c] });
    const adapted = createCueScorer({ ...DEFAULT_PROFILE, model: { trainedOn: { calls: 100, date: '2026-12-04' }, cues: { distress: cue('distress'), hostility: cue('hostility') } } });
    expect(adapted.score("I've been made redundant.").distress).toBeLessThan(rising);
    expect(adapted.score("I'm so scared, I've been made redundant.").distress).toBeGreaterThanOrEqual(rising);
  });

  it('reads a turn of hesitation alone ("uh", "um") as calm, so a caller stopping to think raises no card', () => {
    const { distress, hostility } = DEFAULT_PROFILE.thresholds;
    for (const text of ['Uh.', 'um', 'uh uh', 'Erm...']) {
      expect(p(text, 'distress'), text).toBeLessThan(distress.watch);
      expect(p(text, 'hostility'), text).toBeLessThan(hostility.watch);
    }
    const engine = createCueEngine(DEFAULT_PROFILE);
    const update = engine.push({ type: 'final', channel: 'customer', segmentId: 'h1', start: 1, end: 2, text: 'uh' });
    expect(update.cues.distress.state).toBe('calm');
    expect(update.card?.reason.kind).toBe('call-start');
    // Nor does a turn of words that say nothing by themselves, as a service phrase can leave one.
    expect(p('I to my', 'distress')).toBeLessThan(distress.watch);
    // Hesitation before words does not hide them.
    expect(p("uh, I'm so scared I can't stop shaking", 'distress')).toBeGreaterThanOrEqual(distress.rising);
  });

  it('gives probabilities between 0 and 1', () => {
    for (const text of ['', 'ok', 'I hate this so much', 'my husband died and I am alone']) {
      const s = scorer.score(text);
      for (const v of [s.distress, s.hostility]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('cue model explanations', () => {
  it('shows the words that carry the feeling, never ordinary service words', () => {
    const cases = [
      "I've been charged twice and I'm absolutely furious about it",
      'Sorry, I accidentally paid the wrong account and now I am so worried',
      'No, you are useless, this is ridiculous',
      "I'm devastated, I can't cope with these bills any more",
    ];
    for (const text of cases) {
      const s = scorer.score(text);
      expect(s.evidence.length).toBeGreaterThan(0);
      for (const e of s.evidence) expect(NEUTRAL_WORDS.has(e.text.toLowerCase())).toBe(false);
    }
    const furious = scorer.score(cases[0]).evidence.filter((e) => e.cue === 'hostility').map((e) => e.text.toLowerCase());
    expect(furious.some((t) => t.includes('furious'))).toBe(true);
    expect(furious).not.toContain('charged');
    // A bill that has not come is a service matter: whatever the model makes of it, "received" is never the reason.
    expect(scorer.score("I haven't received my bill").evidence.map((e) => e.text.toLowerCase())).not.toContain('received');
  });

  it('never gives a bare "don\'t", "can\'t" or "you\'ve" as the reason, though the model weighs them', () => {
    for (const text of ["I don't like the office, I don't like the staff.", "I can't believe you've done this again.", 'I don\u2019t know why you people even bother.']) {
      const shown = scorer.score(text).evidence.map((e) => e.text.toLowerCase().replace('\u2019', "'"));
      for (const word of ["don't", "can't", "you've"]) expect(shown).not.toContain(word);
      for (const t of shown) expect(NEUTRAL_WORDS.has(t)).toBe(false);
    }
  });

  it('never shows a word of a courtesy phrase as the reason ("excuse" in "excuse me"), but abuse beside it still shows', () => {
    const shown = (text: string) => scorer.score(text).evidence.map((e) => e.text.toLowerCase());
    expect(shown('Excuse me, miss.')).not.toContain('excuse');
    expect(shown("I hate to bother you, but I'm so worried about the bill")).not.toContain('bother');
    expect(shown("I hate to bother you, but I'm so worried about the bill")).toContain('worried');
    expect(shown('Excuse me, you idiot')).toContain('idiot');
  });

  it('gives a calm turn no reasons', () => {
    expect(scorer.score('Can I check the date of my next bill please?').evidence.filter((e) => e.weight > 0)).toEqual([]);
  });
});

describe('cue model context', () => {
  it('scores the same words higher after two hostile turns than after two calm ones', () => {
    const line = 'I want this sorted today.';
    const hot = newConversationContext();
    scorer.scoreTurn('This is absolutely ridiculous, I am furious.', hot);
    scorer.scoreTurn('You lot are useless, I am sick of this.', hot);
    const calm = newConversationContext();
    scorer.scoreTurn('Hello, I am calling about my bill.', calm);
    scorer.scoreTurn('Yes, that is my address.', calm);
    expect(scorer.scoreTurn(line, hot).hostility).toBeGreaterThan(scorer.scoreTurn(line, calm).hostility);
  });

  const streak = ['This is ridiculous, you people keep taking my money.', "I'm so angry, this is a joke.", 'You lot are useless and I am sick of it.'];
  const logit = (p: number): number => Math.log(p / (1 - p));
  /** How many log-odds the streak adds to `line`, under `model`. */
  function liftAfterStreak(line: string, model = loadCueModel(file)): number {
    const s = createCueScorer(DEFAULT_PROFILE, model);
    const hot = newConversationContext();
    for (const t of streak) s.scoreTurn(t, hot);
    return logit(s.scoreTurn(line, hot).hostility) - logit(s.score(line).hostility);
  }

  it('lets a level fade: after a heated streak a calm turn is lifted no more than the limit, a heated one more', () => {
    const most = file.context.customerMost?.hostility;
    expect(most, 'the shipped model limits what context adds to a calm turn').toBeTypeOf('number');
    expect(liftAfterStreak('Okay. Thanks.')).toBeLessThanOrEqual((most as number) + 1e-6);
    expect(liftAfterStreak('Okay. Thanks.')).toBeGreaterThan(0);
    expect(liftAfterStreak('This is a joke.')).toBeGreaterThan(most as number);
  });

  it('reads a model file without the limit (written before it) as having none', () => {
    const older = JSON.parse(JSON.stringify(file)) as typeof file;
    delete (older.context as { customerMost?: unknown }).customerMost;
    expect(liftAfterStreak('Okay. Thanks.', loadCueModel(older))).toBeGreaterThan((file.context.customerMost?.hostility as number) + 0.1);
  });

  it('never scores the agent: agent words move no cue, however heated', () => {
    const engine = createCueEngine(DEFAULT_PROFILE);
    let t = 0;
    for (const text of ['I am furious and I hate this, you are useless', "I can't cope, I am so scared and crying"]) {
      const u = engine.push({ type: 'final', channel: 'agent', segmentId: `a${t}`, start: t, end: t + 3, text });
      t += 4;
      for (const cue of ['distress', 'hostility', 'safety'] as const) expect(u.cues[cue].level).toBe(0);
      expect(u.utterance).toBeUndefined();
    }
  });

  it('reads the agent only as context for the customer: bad news never becomes an agent score', () => {
    const conversation = newConversationContext();
    hearAgentTurn(conversation, "Unfortunately I can't offer a refund on this.");
    expect(conversation.customer).toEqual({ distress: 0, hostility: 0 });
  });
});

describe('cue model file', () => {
  it('round-trips weights exactly through its int16 encoding', () => {
    const w = Float32Array.from([0, 1.5, -2.25, 3e-4, -0.125]);
    const t = encodeWeights(w);
    const back = decodeWeights(t, w.length);
    for (let i = 0; i < w.length; i++) expect(back[i]).toBeCloseTo(w[i], 3);
    expect(encodeWeights(back)).toEqual(t);
  });

  it('refuses a corrupt model file with the field that is wrong', () => {
    const broken = JSON.parse(JSON.stringify(file)) as typeof file;
    broken.cues.hostility.weights.data = broken.cues.hostility.weights.data.slice(0, 100);
    expect(() => loadCueModel(broken)).toThrow(/cues\.hostility\.weights/);
    expect(() => loadCueModel({ ...broken, format: 'something-else' })).toThrow(/format/);
    expect(() => loadCueModel({ ...(file as object), hashBits: 12 })).toThrow(/feature layout/);
  });

  it('ships only weights trained on sets whose licence allows it', () => {
    const allowed = new Set(['goemotions', 'xed', 'topicalchat', 'davidson', 'convabuse']);
    expect(file.trainedOn.length).toBeGreaterThan(0);
    for (const t of file.trainedOn) expect(allowed.has(t.source)).toBe(true);
  });
});

describe('cue model features from tokens already read', () => {
  // The cue scorer hands the rules the recogniser form's tokens instead of the text; the features must not change.
  const samples = ["I'm SO angry!!! You IDIOT, I can't pay 45 pounds", 'İstanbul café naïve ÅNGSTRÖM', "don ’ t 'quoted' rock'n'roll", "I'm afraid not, sorry to bother you", ''];
  const snapshot = (v: ReturnType<typeof newFeatureVector>): unknown => [Array.from(v.index.subarray(0, v.count)), Array.from(v.value.subarray(0, v.count)), v.words];

  it('gives the same features whether the rules read the text or its tokens', () => {
    for (const text of samples) {
      const fromText = snapshot(extractFeatures(text, (t) => rules.score(t), newFeatureVector()));
      const fromTokens = snapshot(extractFeatures(text, (t, tokens) => (tokens ? rules.scoreTokens(t, tokens) : rules.score(t)), newFeatureVector()));
      expect(fromTokens).toEqual(fromText);
    }
  });
});
