import Sentiment from 'sentiment';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, type Profile } from '@core/profile';
import { createCueScorer } from '@core/model';
import { createUtteranceScorer, isJump } from '@core/scoring';

const scorer = createUtteranceScorer(DEFAULT_PROFILE);
const cueScorer = createCueScorer(DEFAULT_PROFILE);
const withPhrases = (add: Profile['phrases']['add'], remove: string[] = []): Profile => ({ ...DEFAULT_PROFILE, phrases: { add, remove } });

describe('utterance scoring', () => {
  it('scores clear anger as hostility and fear as distress, keeping each word as evidence with its span', () => {
    const text = 'I am furious about this';
    const s = scorer.score(text);
    expect(s.hostility).toBeGreaterThanOrEqual(DEFAULT_PROFILE.thresholds.hostility.rising);
    expect(s.distress).toBeLessThan(DEFAULT_PROFILE.thresholds.distress.watch);
    const furious = s.evidence.find((e) => e.cue === 'hostility' && e.kind === 'anger');
    expect(furious?.text).toBe('furious');
    expect(furious && text.slice(...furious.span!)).toBe('furious');

    const scared = scorer.score("I'm scared I'll lose the house");
    expect(scared.distress).toBeGreaterThanOrEqual(DEFAULT_PROFILE.thresholds.distress.rising);
    expect(scared.evidence.some((e) => e.kind === 'fear' && e.text === 'scared')).toBe(true);
  });

  it('the cue score is the sum of its evidence, so the "why" always adds up', () => {
    const s = scorer.score("This is SO ridiculous!!! You people never listen and I can't afford it");
    for (const cue of ['distress', 'hostility'] as const) {
      const sum = s.evidence.filter((e) => e.cue === cue).reduce((a, e) => a + e.weight, 0);
      expect(s[cue]).toBeCloseTo(sum, 6);
    }
  });

  it('negation cancels: "I\'m not angry" and "not upset" flag nothing, and the evidence says negated', () => {
    const s = scorer.score("I'm not angry, I just need this fixed");
    expect(s.hostility).toBeLessThan(DEFAULT_PROFILE.thresholds.hostility.watch);
    expect(s.evidence.find((e) => e.text === 'angry')).toMatchObject({ negated: true, weight: 0 });
    expect(scorer.score('Honestly I am not upset about it').hostility).toBe(0);
    expect(scorer.score("Don't worry about it").distress).toBe(0);
  });

  it('negation does not reach across a clause: "No, I am furious"', () => {
    expect(scorer.score('No, I am furious').hostility).toBeGreaterThan(0.5);
  });

  it('intensifiers, capitals and exclamation marks raise the score; "a bit" lowers it', () => {
    const plain = scorer.score('I am frustrated').hostility;
    expect(scorer.score('I am so frustrated').hostility).toBeGreaterThan(plain);
    expect(scorer.score('I am really FRUSTRATED').hostility).toBeGreaterThan(scorer.score('I am really frustrated').hostility);
    expect(scorer.score('I am frustrated!!!').hostility).toBeGreaterThan(plain);
    expect(scorer.score('I am a bit frustrated').hostility).toBeLessThan(plain);
    // Exclamation marks alone are not a feeling.
    expect(scorer.score('Thanks!!!').hostility).toBe(0);
  });

  it('one mild negative word stays below rising; several weak signals that agree reach it', () => {
    const mild = scorer.score('That is a bit of a problem');
    expect(mild.hostility).toBeLessThan(DEFAULT_PROFILE.thresholds.hostility.rising);
    expect(mild.distress).toBeLessThan(DEFAULT_PROFILE.thresholds.distress.rising);
    const several = scorer.score("I'm struggling, I lost my job and I'm behind on the rent");
    expect(several.distress).toBeGreaterThanOrEqual(DEFAULT_PROFILE.thresholds.distress.rising);
    expect(new Set(several.evidence.filter((e) => e.cue === 'distress').map((e) => e.kind)).size).toBeGreaterThanOrEqual(2);
  });

  it('recognises blame, threats, abuse, hopelessness, money worries and tears by kind', () => {
    const kinds = (text: string) => scorer.score(text).evidence.filter((e) => e.weight > 0).map((e) => e.kind);
    expect(kinds('This is your fault, you people are useless')).toContain('blame');
    expect(kinds("I'll report you to the ombudsman")).toContain('threat');
    expect(kinds("I'm going to sue")).toContain('threat');
    expect(kinds('You absolute idiot')).toContain('abuse');
    expect(kinds("I can't cope any more, what's the point")).toContain('hopelessness');
    expect(kinds("I can't afford the payment since I lost my job")).toContain('financial');
    expect(kinds("Sorry, I'm in tears here")).toContain('tears');
    expect(kinds('Stop wasting my time, for fucks sake')).toContain('anger');
    expect(kinds('this fucking bill again')).toContain('profanity');
  });

  it('a threat or directed abuse is a jump; a self-harm statement is safety and a jump; a bare insult about someone else is not', () => {
    expect(isJump(scorer.score("I'll report you"), 'hostility')).toBe(true);
    expect(isJump(scorer.score("you're an idiot"), 'hostility')).toBe(true);
    expect(isJump(scorer.score('my neighbour is an idiot'), 'hostility')).toBe(false);
    const harm = scorer.score("Some days I want to end it all");
    expect(harm.safety).toBeGreaterThanOrEqual(1);
    expect(isJump(harm, 'safety')).toBe(true);
    // A denial keeps a trace for the agent but is no alert.
    const denied = scorer.score("I'm not suicidal, just tired");
    expect(denied.safety).toBeLessThan(DEFAULT_PROFILE.thresholds.safety.rising);
    expect(isJump(denied, 'safety')).toBe(false);
  });

  it('reads sarcasm that praises word by word, and polite idioms as calm', () => {
    // Thresholds are on the cue model's probabilities: compare what the engine scores, not the lexicon rules alone.
    expect(cueScorer.score('Great, just great.').hostility).toBeGreaterThanOrEqual(DEFAULT_PROFILE.thresholds.hostility.rising);
    expect(cueScorer.score('I hate to bother you, could you check my address?').hostility).toBeLessThan(DEFAULT_PROFILE.thresholds.hostility.rising);
  });

  it('tells contractions from words: "he\'ll" is not "hell", "I\'ll" is not "ill", typed or curly apostrophes alike', () => {
    expect(scorer.score("He'll call me back tomorrow").hostility).toBe(0);
    expect(scorer.score('I\u2019ll call again on Friday').distress).toBe(0);
    expect(scorer.score('I have been ill all week').distress).toBeGreaterThan(0);
    // Typed without the apostrophe, a contraction still negates and still matches phrases.
    expect(scorer.score('Im not angry').hostility).toBe(0);
    expect(scorer.score('I cant cope anymore').evidence.some((e) => e.kind === 'hopelessness')).toBe(true);
  });

  it('reads contractions with a spaced-out apostrophe ("don ’ t") as one word, so negation and courtesy still work', () => {
    expect(scorer.score('Don ’ t worry , it will be fine .').distress).toBe(0);
    expect(scorer.score("I ' m not angry at all .").hostility).toBe(0);
    expect(scorer.score('I ’ m afraid that there is no room for a discount .').distress).toBeLessThan(DEFAULT_PROFILE.thresholds.distress.watch);
    // A quoted letter is not glued onto the word before it.
    expect(scorer.score("I ' m so worried about the bill").distress).toBeGreaterThanOrEqual(DEFAULT_PROFILE.thresholds.distress.rising);
  });

  it('a feeling asked about or attributed to the listener counts far less than the speaker\'s own', () => {
    const rising = DEFAULT_PROFILE.thresholds.distress.rising;
    expect(scorer.score("I'm worried about the payment.").distress).toBeGreaterThanOrEqual(rising);
    for (const text of ['Are you worried about the payment?', 'Do you sometimes feel overwhelmed by your work?', 'You must have been devastated.']) {
      expect(scorer.score(text).distress, text).toBeLessThan(rising);
      expect(scorer.score(text).distress, text).toBeGreaterThan(0);
    }
    // The speaker comes back in: their own feeling again.
    expect(scorer.score('You scared me.').distress).toBeGreaterThanOrEqual(rising);
    expect(scorer.score('You made me cry.').distress).toBeGreaterThanOrEqual(rising);
  });

  it('"hate to" before a verb is an apology in advance, "stress that" is emphasis, "suffer from" names a condition', () => {
    expect(scorer.score("I hate to do this to you, but I need to cancel.").hostility).toBeLessThan(DEFAULT_PROFILE.thresholds.hostility.rising);
    expect(scorer.score('I hate this company.').hostility).toBeGreaterThanOrEqual(DEFAULT_PROFILE.thresholds.hostility.rising);
    expect(scorer.score('I would like to stress that the meter was read twice.').distress).toBeLessThan(DEFAULT_PROFILE.thresholds.distress.watch);
    expect(scorer.score('I suffer from hay fever.').distress).toBeLessThan(DEFAULT_PROFILE.thresholds.distress.rising);
    expect(scorer.score('I am so stressed about money.').distress).toBeGreaterThanOrEqual(DEFAULT_PROFILE.thresholds.distress.rising);
  });

  it('knows a broken boiler from a broken person', () => {
    for (const text of ['My car broke down on the motorway', 'The boiler is broken again', 'I need a breakdown of the charges']) {
      expect(scorer.score(text).distress, text).toBeLessThan(DEFAULT_PROFILE.thresholds.distress.rising);
    }
    expect(scorer.score('I just broke down in tears on the phone').evidence.some((e) => e.kind === 'tears')).toBe(true);
  });

  it('keeps the raw AFINN total equal to the sentiment package on plain sentences', () => {
    const sentiment = new Sentiment();
    for (const text of ['This is bad and I am sad', 'not good at all', 'Great service, thank you', 'I hate this awful mess', 'no problem']) {
      expect(scorer.score(text).afinn).toBe(sentiment.analyze(text).score);
    }
  });

  it('applies profile phrases, removals and category weights; two profiles never leak into each other', () => {
    const custom = createUtteranceScorer(withPhrases([{ phrase: 'estimated meter reading', cue: 'hostility', weight: 0.8, kind: 'anger' }], ['furious']));
    const plain = createUtteranceScorer(DEFAULT_PROFILE);
    expect(custom.score('this estimated meter reading again').hostility).toBeCloseTo(0.8, 5);
    expect(plain.score('this estimated meter reading again').hostility).toBe(0);
    expect(custom.score('I am furious').hostility).toBe(0);
    expect(plain.score('I am furious').hostility).toBeGreaterThan(0.5);
    // Built after the custom one, a default scorer is still untouched.
    expect(createUtteranceScorer(DEFAULT_PROFILE).score('this estimated meter reading again').hostility).toBe(0);

    const noProfanity = createUtteranceScorer({ ...DEFAULT_PROFILE, weights: { ...DEFAULT_PROFILE.weights, categories: { profanity: 0 } } });
    expect(noProfanity.score('damn this').evidence.find((e) => e.kind === 'profanity')?.weight).toBe(0);
    expect(plain.score('damn this').evidence.find((e) => e.kind === 'profanity')?.weight).toBeGreaterThan(0);
  });
});

describe('threats and rights', () => {
  const scorer = createUtteranceScorer(DEFAULT_PROFILE);
  it('does not treat naming a solicitor or the ombudsman as a threat', () => {
    for (const text of ['My solicitor told me to ring you about the estate.', "I'd like to take this to the ombudsman, please."]) {
      expect(scorer.score(text).evidence.some((e) => e.kind === 'threat')).toBe(false);
      expect(cueScorer.score(text).hostility).toBeLessThan(DEFAULT_PROFILE.thresholds.hostility.rising);
    }
  });
  it('still hears a threat of court as a threat', () => {
    expect(scorer.score("I'll take you to court over this.").evidence.some((e) => e.kind === 'threat')).toBe(true);
  });
});

describe('safety wording', () => {
  const scorer = createUtteranceScorer(DEFAULT_PROFILE);
  it.each(['I have taken some pills.', 'I just want to go to sleep and not wake up.', 'I just want it all to stop.', 'I wish I could disappear forever.'])(
    'hears "%s" as a safety risk',
    (text) => {
      expect(scorer.score(text).safety).toBeGreaterThanOrEqual(DEFAULT_PROFILE.thresholds.safety.high);
    },
  );
  it('does not hear an everyday sentence about waking up as a safety risk', () => {
    expect(scorer.score('I did not wake up in time for the appointment.').safety).toBe(0);
  });
  it('hears "I cannot go on like this" as distress', () => {
    expect(scorer.score('I cannot go on like this.').distress).toBeGreaterThan(0);
  });
});
