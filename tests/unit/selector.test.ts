import { describe, expect, it } from 'vitest';
import { CARD_PRIORITY, HOSTILITY_TIEBREAK, createCardSelector, type SelectorInput, type ShownCard } from '@core/cards';
import type { Cue, CueState } from '@core/cues';
import type { Evidence, EvidenceKind } from '@core/evidence';
import { DEFAULT_PROFILE, type Profile } from '@core/profile';

const CALM: Record<Cue, CueState> = { distress: 'calm', hostility: 'calm', safety: 'calm' };
const NO_EVIDENCE: Record<Cue, readonly Evidence[]> = { distress: [], hostility: [], safety: [] };

function ev(cue: Cue, kind: EvidenceKind, text: string, weight = 0.6, negated = false): Evidence {
  return negated ? { cue, kind, text, weight, negated } : { cue, kind, text, weight };
}

type Step = Partial<Omit<SelectorInput, 'states'>> & { now: number; states?: Partial<Record<Cue, CueState>> };

function step(s: Step): SelectorInput {
  return {
    evidence: [],
    cueEvidence: NO_EVIDENCE,
    badNews: [],
    agentSpeaking: false,
    phase: 'in-call',
    rose: [],
    ...s,
    states: { ...CALM, ...s.states },
  };
}

function profileWith(alerts: Partial<Profile['alerts']>): Profile {
  return { ...DEFAULT_PROFILE, alerts: { ...DEFAULT_PROFILE.alerts, ...alerts } };
}

const ANGRY = ev('hostility', 'anger', 'this is ridiculous');
const BLAME = ev('hostility', 'blame', 'you people');
const ABUSE = ev('hostility', 'abuse', 'you useless idiot', 1.5);
const THREAT = ev('hostility', 'threat', "I'll come down there", 1.5);
const SAD = ev('distress', 'sadness', 'I feel so low');
const TEARS = ev('distress', 'tears', "I'm crying");
const SELFHARM = ev('safety', 'selfharm', "I don't want to be here anymore", 2);
const DEMAND = ev('hostility', 'demand', 'I want it fixed today');
const REFUSED = ev('hostility', 'bad-news', "unfortunately I'm unable to refund", 0.5);

/** The cards each step put on screen, by id (null when nothing is shown). */
function run(steps: Step[], profile: Profile = DEFAULT_PROFILE): (string | null)[] {
  const selector = createCardSelector(profile);
  return steps.map((s) => selector.select(step(s))?.card.id ?? null);
}

describe('card priority', () => {
  it('orders safety above abuse, abuse above high, high above rising, and cards above the welcome', () => {
    expect(CARD_PRIORITY.safety).toBeGreaterThan(CARD_PRIORITY.abuse);
    expect(CARD_PRIORITY.abuse).toBeGreaterThan(CARD_PRIORITY.high + HOSTILITY_TIEBREAK);
    expect(CARD_PRIORITY.high).toBeGreaterThan(CARD_PRIORITY.rising + HOSTILITY_TIEBREAK);
    expect(CARD_PRIORITY.rising).toBeGreaterThan(CARD_PRIORITY.situation + HOSTILITY_TIEBREAK);
    expect(CARD_PRIORITY.situation).toBeGreaterThan(CARD_PRIORITY.context);
  });

  it('picks safety when everything happens at once, even mid-sentence', () => {
    const selector = createCardSelector(DEFAULT_PROFILE);
    const card = selector.select(
      step({
        now: 5,
        states: { safety: 'high', hostility: 'high', distress: 'rising' },
        evidence: [SELFHARM, ABUSE, SAD],
        agentSpeaking: true,
      }),
    );
    expect(card?.card.id).toBe('safety');
    expect(card?.priority).toBe(CARD_PRIORITY.safety);
    expect(card?.card.note).toContain('13 11 14');
  });

  it('picks the abuse policy over a high cue, a high cue over a rising one, hostility over distress at the same level', () => {
    const pick = (s: Step): ShownCard | null => createCardSelector(DEFAULT_PROFILE).select(step(s));
    const abuse = pick({ now: 5, states: { hostility: 'high', distress: 'high' }, evidence: [ABUSE, SAD] });
    expect(abuse?.card.id).toBe('abuse-policy');
    expect(abuse?.reason).toEqual({ kind: 'abuse' });

    const high = pick({ now: 5, states: { hostility: 'rising', distress: 'high' }, evidence: [ANGRY, SAD] });
    expect(high?.card.id).toBe('distress');
    expect(high?.reason).toEqual({ kind: 'cue', cue: 'distress', state: 'high' });
    expect(high?.priority).toBe(CARD_PRIORITY.high);

    const tie = pick({ now: 5, states: { hostility: 'rising', distress: 'rising' }, evidence: [ANGRY, SAD] });
    expect(tie?.card.id).toBe('boundary');
    expect(tie?.priority).toBe(CARD_PRIORITY.rising + HOSTILITY_TIEBREAK);
  });

  it('lets a more serious card replace the one on screen at once, without waiting for the minimum display', () => {
    const ids = run([
      { now: 10, states: { hostility: 'rising' }, evidence: [ANGRY] },
      { now: 11, states: { hostility: 'high' }, evidence: [ABUSE] },
      { now: 12, states: { hostility: 'high', safety: 'high' }, evidence: [SELFHARM] },
      { now: 13, states: { hostility: 'high', safety: 'high' }, evidence: [ABUSE] },
    ]);
    expect(ids).toEqual(['boundary', 'abuse-policy', 'safety', 'safety']);
  });
});

describe('a calm call', () => {
  it('shows nothing but the welcome, which clears itself after its time (long enough to say the disclosure line)', () => {
    const selector = createCardSelector(DEFAULT_PROFILE);
    const first = selector.select(step({ now: 0, phase: 'call-start', agentSpeaking: true }));
    expect(first?.card.id).toBe('welcome');
    expect(first?.reason.kind).toBe('call-start');
    const cueCards: ShownCard[] = [];
    // Thirty minutes of ordinary talk: a few mild, negated or zero-weight words, cues never above watch.
    for (let t = 3; t < 1800; t += 3) {
      const evidence = t % 30 === 0 ? [ev('hostility', 'anger', 'not angry', 0, true), ev('distress', 'afinn', 'problem', 0.08)] : [];
      const states = t % 90 === 0 ? { distress: 'watch' as const } : {};
      const card = selector.select(step({ now: t, evidence, states, agentSpeaking: t % 6 === 0 }));
      if (card && card.reason.kind !== 'call-start') cueCards.push(card);
      if (t >= 45 + 3) expect(card).toBeNull();
    }
    expect(cueCards).toEqual([]);
  });

  it('shows the welcome only when the profile asks for it, and only once per call start', () => {
    const quiet = createCardSelector({ ...DEFAULT_PROFILE, callStart: { welcomeCard: false, disclosure: 'We use a listening aid on this call.', transcriptWhilePaused: true } });
    expect(quiet.select(step({ now: 0, phase: 'call-start' }))).toBeNull();
    const selector = createCardSelector(DEFAULT_PROFILE);
    expect(selector.select(step({ now: 0, phase: 'call-start' }))?.card.id).toBe('welcome');
    selector.dismiss(2);
    expect(selector.select(step({ now: 3 }))).toBeNull();
    expect(selector.select(step({ now: 60 }))).toBeNull();
  });

  it('does not flag a negated word ("I\'m not angry") even when it is reported', () => {
    expect(run([{ now: 4, evidence: [ev('hostility', 'anger', 'not angry', 0.6, true)], states: { hostility: 'watch' } }])).toEqual([null]);
  });
});

describe('minimum display time', () => {
  it('keeps a card up while its cue eases, and clears it once the cue has been calm for the profile\'s time (20 s by default)', () => {
    const ids = run([
      { now: 10, states: { distress: 'rising' }, evidence: [SAD] },
      { now: 12, states: { distress: 'watch' } },
      { now: 40, states: { distress: 'watch' } },
      { now: 41, states: { distress: 'calm' } },
      { now: 60, states: { distress: 'calm' } },
      { now: 61.5, states: { distress: 'calm' } },
    ]);
    expect(ids).toEqual(['distress', 'distress', 'distress', 'distress', 'distress', null]);
  });

  it('takes the calm time from the profile', () => {
    const ids = run(
      [
        { now: 10, states: { hostility: 'rising' }, evidence: [ANGRY] },
        { now: 20, states: { hostility: 'calm' } },
        { now: 24, states: { hostility: 'calm' } },
        { now: 25.5, states: { hostility: 'calm' } },
      ],
      profileWith({ clearAfterCalmSeconds: 5 }),
    );
    expect(ids).toEqual(['boundary', 'boundary', 'boundary', null]);
  });

  it('lets a new alert replace a card whose cue has gone calm, without waiting for the calm time', () => {
    const ids = run([
      { now: 10, states: { distress: 'rising' }, evidence: [SAD] },
      { now: 20, states: { distress: 'calm' } },
      { now: 22, states: { hostility: 'rising' }, evidence: [ANGRY] },
    ]);
    expect(ids).toEqual(['distress', 'distress', 'boundary']);
  });

  it('keeps a pinned card until the agent unpins it, even when its cue has long been calm; only safety replaces it', () => {
    const selector = createCardSelector(DEFAULT_PROFILE);
    expect(selector.select(step({ now: 10, states: { distress: 'rising' }, evidence: [SAD] }))?.card.id).toBe('distress');
    expect(selector.pin?.(true)?.card.id).toBe('distress');
    expect(selector.select(step({ now: 100, states: {} }))?.card.id).toBe('distress');
    expect(selector.select(step({ now: 110, states: { hostility: 'high' }, evidence: [ANGRY] }))?.card.id).toBe('distress');
    selector.pin?.(false);
    expect(selector.select(step({ now: 112, states: { hostility: 'high' }, evidence: [ANGRY] }))?.card.id).toBe('boundary');
    selector.pin?.(true);
    expect(selector.select(step({ now: 120, states: { safety: 'high' }, evidence: [SELFHARM] }))?.card.id).toBe('safety');
  });

  it('does not let a lower card replace one whose cue is still up', () => {
    const ids = run([
      { now: 10, states: { hostility: 'high' }, evidence: [ANGRY, BLAME] },
      { now: 12, states: { hostility: 'high', distress: 'rising' }, evidence: [SAD] },
      { now: 40, states: { hostility: 'high', distress: 'rising' }, evidence: [SAD] },
    ]);
    expect(ids).toEqual(['boundary', 'boundary', 'boundary']);
  });

  it('makes a card of equal priority wait until the minimum display is over, then shows it', () => {
    const bad = { states: { distress: 'watch' as const }, badNews: [REFUSED], evidence: [ev('distress', 'sadness', 'oh no')] };
    const ids = run([
      { now: 10, evidence: [TEARS], states: { distress: 'watch' } },
      { now: 12, ...bad },
      { now: 17, badNews: [REFUSED], states: { distress: 'watch' } },
      { now: 18.5, badNews: [REFUSED], states: { distress: 'watch' } },
    ]);
    expect(ids).toEqual(['tears', 'tears', 'tears', 'bad-news']);
  });

  it('drops a card held back while the agent spoke once the customer has calmed, instead of showing it late', () => {
    const ids = run([
      { now: 10, states: { distress: 'watch' }, evidence: [TEARS], agentSpeaking: true },
      { now: 14, states: { distress: 'calm' }, agentSpeaking: true },
      { now: 16, states: { distress: 'calm' } },
      { now: 20, states: { distress: 'calm' } },
    ]);
    expect(ids).toEqual([null, null, null, null]);
  });
});

describe('alert budget', () => {
  it('shows at most the budgeted number of new cards in a rolling minute, then resumes', () => {
    const profile = profileWith({ maxNewCardsPerMinute: 2, minDisplaySeconds: 2 });
    const abusive = { states: { hostility: 'high' as const }, cueEvidence: { ...NO_EVIDENCE, hostility: [ABUSE, ANGRY] } };
    const ids = run(
      [
        { now: 0, phase: 'call-start' },
        { now: 5, states: { distress: 'watch' }, evidence: [TEARS] },
        { now: 10, states: { hostility: 'rising' }, evidence: [ANGRY] },
        { now: 20, ...abusive, evidence: [ABUSE] },
        { now: 50, ...abusive },
        { now: 65.5, ...abusive },
      ],
      profile,
    );
    // The welcome is not an alert and does not use the budget; the third alert waits until the first leaves the minute.
    expect(ids).toEqual(['welcome', 'tears', 'boundary', 'boundary', 'boundary', 'abuse-policy']);
  });

  it('never holds back the safety card, even with the budget spent', () => {
    const profile = profileWith({ maxNewCardsPerMinute: 1 });
    const ids = run(
      [
        { now: 5, states: { hostility: 'rising' }, evidence: [ANGRY] },
        { now: 7, states: { hostility: 'high' }, evidence: [THREAT] },
        { now: 8, states: { hostility: 'high', safety: 'high' }, evidence: [SELFHARM] },
      ],
      profile,
    );
    expect(ids).toEqual(['boundary', 'boundary', 'safety']);
  });
});

describe('hold while the agent speaks', () => {
  it('waits for the agent to finish their sentence before a new card appears', () => {
    const ids = run([
      { now: 10, states: { hostility: 'rising' }, evidence: [ANGRY], agentSpeaking: true },
      { now: 11, states: { hostility: 'rising' }, agentSpeaking: true },
      { now: 13, states: { hostility: 'rising' }, agentSpeaking: false },
    ]);
    expect(ids).toEqual([null, null, 'boundary']);
  });

  it('keeps a momentary card (tears) until the agent finishes, instead of losing it', () => {
    const ids = run([
      { now: 10, states: { distress: 'watch' }, evidence: [TEARS], agentSpeaking: true },
      { now: 12, states: { distress: 'watch' } },
    ]);
    expect(ids).toEqual([null, 'tears']);
  });

  it('shows the safety card at once while the agent speaks', () => {
    expect(run([{ now: 10, states: { safety: 'high' }, evidence: [SELFHARM], agentSpeaking: true }])).toEqual(['safety']);
  });

  it('does not hold when the profile turns the hold off', () => {
    const ids = run([{ now: 10, states: { hostility: 'rising' }, evidence: [ANGRY], agentSpeaking: true }], profileWith({ holdWhileAgentSpeaks: false }));
    expect(ids).toEqual(['boundary']);
  });
});

describe('the card carries the evidence behind it', () => {
  it('shows the customer words that raised hostility on the boundary card', () => {
    const selector = createCardSelector(DEFAULT_PROFILE);
    const card = selector.select(
      step({ now: 30, states: { hostility: 'rising' }, evidence: [ANGRY], cueEvidence: { ...NO_EVIDENCE, hostility: [BLAME, ANGRY] } }),
    );
    expect(card?.card.id).toBe('boundary');
    expect(card?.card.title).toBe('Be prepared: your boundary line');
    expect(card?.evidence.map((e) => e.text)).toEqual(['this is ridiculous', 'you people']);
    expect(card?.reason).toEqual({ kind: 'cue', cue: 'hostility', state: 'rising' });
  });

  it('shows the self-harm words on the safety card', () => {
    const card = createCardSelector(DEFAULT_PROFILE).select(step({ now: 30, evidence: [SELFHARM] }));
    expect(card?.card.id).toBe('safety');
    expect(card?.evidence.map((e) => e.text)).toEqual([SELFHARM.text]);
    expect(card?.reason).toEqual({ kind: 'cue', cue: 'safety', state: 'high' });
  });

  it('shows both the bad news and the customer reaction on the bad-news card, with lines for that news', () => {
    const selector = createCardSelector(DEFAULT_PROFILE);
    const card = selector.select(
      step({ now: 40, states: { distress: 'watch' }, evidence: [SAD], badNews: [REFUSED], badNewsKind: 'refund-refused' }),
    );
    expect(card?.card.id).toBe('bad-news');
    expect(card?.reason).toEqual({ kind: 'bad-news' });
    expect(card?.evidence.map((e) => e.text)).toEqual([SAD.text, REFUSED.text]);
    expect(card?.card.say.join(' ')).toMatch(/refund/i);
  });
});

describe('situations', () => {
  it('gives no bad-news card when the customer takes the news calmly', () => {
    expect(run([{ now: 40, badNews: [REFUSED], evidence: [ev('distress', 'afinn', 'okay', 0)] }])).toEqual([null]);
  });

  it('asks "what is the need?" for a demand while hostility is rising, and the boundary line at high', () => {
    expect(run([{ now: 20, states: { hostility: 'rising' }, evidence: [DEMAND, ANGRY] }])).toEqual(['demanding']);
    expect(run([{ now: 20, states: { hostility: 'high' }, evidence: [DEMAND, ANGRY] }])).toEqual(['boundary']);
  });

  it('shows the tears card when distress rises with crying behind it', () => {
    const ids = run([{ now: 20, states: { distress: 'rising' }, cueEvidence: { ...NO_EVIDENCE, distress: [TEARS, SAD] } }]);
    expect(ids).toEqual(['tears']);
  });

  it('shows the centre card between calls and the welcome when the next call starts', () => {
    const ids = run([
      { now: 100, states: { safety: 'high' }, evidence: [SELFHARM] },
      { now: 0, phase: 'between-calls' },
      { now: 0, phase: 'call-start' },
    ]);
    expect(ids).toEqual(['safety', 'centre', 'welcome']);
  });
});

describe('no card from one weak signal', () => {
  it('shows no card for a demand word or a crying idiom while the cues are calm', () => {
    const idiom = ev('distress', 'tears', 'for crying out loud');
    expect(run([{ now: 20, evidence: [DEMAND] }, { now: 30, evidence: [idiom] }, { now: 40, states: { hostility: 'watch' }, evidence: [DEMAND] }])).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('shows no bad-news card for a weak reaction ("no", "sorry") to the news', () => {
    const weak = [ev('distress', 'afinn', 'sorry', 0.08), ev('hostility', 'afinn', 'no', 0.08)];
    expect(run([{ now: 40, states: { distress: 'watch' }, badNews: [REFUSED], evidence: weak }])).toEqual([null]);
  });
});

describe('one card per episode', () => {
  it('keeps the boundary card when hostility eases from high to rising after bad news, instead of swapping cards', () => {
    const ids = run([
      { now: 10, states: { hostility: 'high' }, evidence: [ANGRY, BLAME] },
      { now: 20, states: { hostility: 'high' }, badNews: [REFUSED] },
      { now: 30, states: { hostility: 'rising' }, badNews: [REFUSED], evidence: [ev('hostility', 'afinn', 'fine', 0.08)] },
      { now: 45, states: { hostility: 'rising' }, badNews: [REFUSED] },
    ]);
    expect(ids).toEqual(['boundary', 'boundary', 'boundary', 'boundary']);
  });

  it('moves from the distress card to the bad-news card when the customer reacts to the news', () => {
    const ids = run([
      { now: 10, states: { distress: 'rising' }, evidence: [SAD] },
      { now: 20, states: { distress: 'rising' }, badNews: [REFUSED] },
      { now: 25, states: { distress: 'rising' }, badNews: [REFUSED], evidence: [ev('distress', 'financial', "I can't afford it", 0.8)] },
    ]);
    expect(ids).toEqual(['distress', 'distress', 'bad-news']);
  });

  it('shows the disclosure card when the customer tells of hardship or their needs, and the tears card over it', () => {
    const BLIND = ev('distress', 'vulnerability', "I'm registered blind", 0.35);
    const REDUNDANT = ev('distress', 'financial', 'made redundant', 0.35);
    expect(run([{ now: 10, states: { distress: 'rising' }, evidence: [BLIND] }])).toEqual(['disclosure']);
    expect(run([{ now: 10, states: { distress: 'rising' }, evidence: [REDUNDANT, TEARS] }])).toEqual(['tears']);
    // A feeling, then a disclosure: the card follows what the caller just said. A denied one is no disclosure.
    expect(run([{ now: 10, states: { distress: 'rising' }, evidence: [SAD] }, { now: 20, states: { distress: 'rising' }, evidence: [REDUNDANT] }])).toEqual(['distress', 'disclosure']);
    expect(run([{ now: 10, states: { distress: 'rising' }, evidence: [SAD, ev('distress', 'financial', 'behind on', 0.1, true)] }])).toEqual(['distress']);
  });

  it('moves to the tears card when the customer starts crying', () => {
    const ids = run([
      { now: 10, states: { distress: 'rising' }, evidence: [SAD] },
      { now: 12, states: { distress: 'rising' }, evidence: [TEARS] },
    ]);
    expect(ids).toEqual(['distress', 'tears']);
  });

  it('shows the tears card after the agent finishes speaking, even though the cue did not change', () => {
    const ids = run([
      { now: 10, states: { distress: 'rising' }, evidence: [SAD] },
      { now: 20, states: { distress: 'rising' }, evidence: [TEARS], agentSpeaking: true },
      { now: 22, states: { distress: 'rising' } },
    ]);
    expect(ids).toEqual(['distress', 'distress', 'tears']);
  });
});

describe('dismiss', () => {
  it('keeps a dismissed card away while its cue stays at the same level, but brings it back at a higher one', () => {
    const selector = createCardSelector(DEFAULT_PROFILE);
    expect(selector.select(step({ now: 10, states: { hostility: 'rising' }, evidence: [ANGRY] }))?.card.id).toBe('boundary');
    selector.dismiss(12);
    expect(selector.current()).toBeNull();
    expect(selector.select(step({ now: 14, states: { hostility: 'rising' }, evidence: [ANGRY] }))).toBeNull();
    expect(selector.select(step({ now: 20, states: { hostility: 'high' }, evidence: [BLAME] }))?.card.id).toBe('boundary');
  });

  it('brings a dismissed safety card back only when the customer says something about self-harm again', () => {
    const selector = createCardSelector(DEFAULT_PROFILE);
    expect(selector.select(step({ now: 10, states: { safety: 'high' }, evidence: [SELFHARM] }))?.card.id).toBe('safety');
    selector.dismiss(15);
    expect(selector.select(step({ now: 18, states: { safety: 'high' } }))).toBeNull();
    expect(selector.select(step({ now: 30, states: { safety: 'high' }, evidence: [SELFHARM] }))?.card.id).toBe('safety');
  });

  it('returns the same card object while the same card stays on screen', () => {
    const selector = createCardSelector(DEFAULT_PROFILE);
    const first = selector.select(step({ now: 10, states: { hostility: 'rising' }, evidence: [ANGRY] }));
    const again = selector.select(step({ now: 14, states: { hostility: 'high' }, evidence: [BLAME] }));
    expect(again).toBe(first);
    expect(selector.current()).toBe(first);
  });
});
