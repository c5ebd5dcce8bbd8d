import { describe, expect, it } from 'vitest';
import { BAD_NEWS_SAY, CARD_IDS, badNewsCard, buildCardLibrary, unknownCardOverrides } from '@core/cards';
import { DEFAULT_PROFILE, type Profile } from '@core/profile';

function words(text: string): number {
  return text.trim().split(/\s+/).length;
}

function withCards(cards: Partial<Profile['cards']>): Profile {
  return { ...DEFAULT_PROFILE, cards: { ...DEFAULT_PROFILE.cards, ...cards } };
}

describe('card library', () => {
  const library = buildCardLibrary(DEFAULT_PROFILE);

  it('has exactly one card for every card id, each knowing its own id', () => {
    expect(Object.keys(library).sort()).toEqual([...CARD_IDS].sort());
    for (const id of CARD_IDS) expect(library[id].id).toBe(id);
  });

  it.each(CARD_IDS)('%s is readable at a glance: short title, 2-3 short lines, one avoid, one breath', (id) => {
    const card = library[id];
    // "Be prepared: your boundary line" (5 words) is the one title the brief fixes; all others are 2-4.
    expect(words(card.title)).toBeGreaterThanOrEqual(2);
    expect(words(card.title)).toBeLessThanOrEqual(id === 'boundary' ? 5 : 4);
    expect(card.say.length).toBeGreaterThanOrEqual(2);
    expect(card.say.length).toBeLessThanOrEqual(3);
    for (const line of card.say) {
      expect(line.length).toBeGreaterThan(0);
      expect(line.length).toBeLessThanOrEqual(80);
      expect(words(line)).toBeLessThanOrEqual(15);
    }
    expect(card.avoid.length).toBeGreaterThan(0);
    expect(card.avoid.length).toBeLessThanOrEqual(80);
    expect(card.breathe.length).toBeGreaterThan(0);
    expect(card.breathe.length).toBeLessThanOrEqual(60);
  });

  it('no two cards share a title, so the agent can tell them apart', () => {
    const titles = CARD_IDS.map((id) => library[id].title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('names the boundary card as the issue describes it', () => {
    expect(library.boundary.title).toBe('Be prepared: your boundary line');
    expect(library['maintain-calm'].title).toBe('Maintain your calm');
  });

  it('shows the organisation crisis line on the safety card', () => {
    expect(library.safety.note).toContain('Lifeline');
    expect(library.safety.note).toContain('13 11 14');
    const custom = buildCardLibrary(withCards({ crisisLine: { name: 'Our wellbeing team', phone: '1800 000 111' } }));
    expect(custom.safety.note).toContain('Our wellbeing team');
    expect(custom.safety.note).toContain('1800 000 111');
    expect(custom.safety.note).not.toContain('Lifeline');
  });

  it('lists the organisation further crisis numbers after the main one', () => {
    const custom = buildCardLibrary(
      withCards({ otherCrisisLines: [{ name: 'Out of hours', phone: '1800 222 333' }, { name: 'Men’s line', phone: '1300 78 99 78' }] }),
    );
    expect(custom.safety.note).toMatch(/Lifeline, 13 11 14\. Also: Out of hours, 1800 222 333; Men’s line, 1300 78 99 78\./);
  });

  it('uses the profile abuse policy as the policy card note, and warns before ending', () => {
    expect(library['abuse-policy'].note).toBe(DEFAULT_PROFILE.cards.abusePolicy);
    const custom = buildCardLibrary(withCards({ abusePolicy: 'Two warnings, then transfer to a team leader.' }));
    expect(custom['abuse-policy'].note).toBe('Two warnings, then transfer to a team leader.');
    const [warn, , end] = library['abuse-policy'].say;
    expect(warn).not.toMatch(/end/i);
    expect(end).toMatch(/ending the call/i);
  });

  it('only the safety and policy cards carry a note', () => {
    for (const id of CARD_IDS) {
      if (id === 'safety' || id === 'abuse-policy') continue;
      expect(library[id].note).toBeUndefined();
    }
  });

  it('applies profile overrides field by field and leaves the rest alone', () => {
    const custom = buildCardLibrary(
      withCards({
        overrides: {
          boundary: { title: 'Hold the line', say: ['I want to help you with this.', 'Let us keep it calm.'] },
          tears: { breathe: 'Slow and soft.' },
          distress: { avoid: 'Do not hurry.' },
        },
      }),
    );
    expect(custom.boundary.title).toBe('Hold the line');
    expect(custom.boundary.say).toEqual(['I want to help you with this.', 'Let us keep it calm.']);
    expect(custom.boundary.avoid).toBe(library.boundary.avoid);
    expect(custom.tears.breathe).toBe('Slow and soft.');
    expect(custom.tears.title).toBe(library.tears.title);
    expect(custom.distress.avoid).toBe('Do not hurry.');
    expect(custom.welcome).toEqual(library.welcome);
  });

  it('keeps the crisis line on the safety card even when its wording is overridden', () => {
    const custom = buildCardLibrary(withCards({ overrides: { safety: { title: 'Stay with them' } } }));
    expect(custom.safety.title).toBe('Stay with them');
    expect(custom.safety.note).toContain('13 11 14');
  });

  it('ignores override keys that name no card, and reports them', () => {
    // Validation refuses such a profile; the library still copes if one slips through unvalidated.
    const overrides = { boundry: { title: 'Typo' } } as unknown as Profile['cards']['overrides'];
    const profile = withCards({ overrides });
    expect(() => buildCardLibrary(profile)).not.toThrow();
    expect(unknownCardOverrides(profile)).toEqual(['boundry']);
    expect(unknownCardOverrides(DEFAULT_PROFILE)).toEqual([]);
  });

  it('builds a fresh library per profile: one profile cannot change another', () => {
    const custom = buildCardLibrary(withCards({ overrides: { grace: { title: 'Be kind to you' } } }));
    expect(custom.grace.title).toBe('Be kind to you');
    expect(buildCardLibrary(DEFAULT_PROFILE).grace.title).toBe('Give yourself grace');
    expect(Object.isFrozen(library.grace)).toBe(true);
  });

  it('picks bad-news lines for the kind of news, unless the supervisor wrote their own', () => {
    expect(badNewsCard(library, DEFAULT_PROFILE, 'refund-refused').say).toEqual(BAD_NEWS_SAY['refund-refused']);
    expect(badNewsCard(library, DEFAULT_PROFILE, 'extension-declined').say.join(' ')).toMatch(/more time/);
    expect(badNewsCard(library, DEFAULT_PROFILE, 'general')).toBe(library['bad-news']);
    expect(badNewsCard(library, DEFAULT_PROFILE, undefined)).toBe(library['bad-news']);
    const own = withCards({ overrides: { 'bad-news': { say: ['Our own line.', 'Another line.'] } } });
    const ownLibrary = buildCardLibrary(own);
    expect(badNewsCard(ownLibrary, own, 'out-of-stock').say).toEqual(['Our own line.', 'Another line.']);
    for (const lines of Object.values(BAD_NEWS_SAY)) {
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.length).toBeLessThanOrEqual(3);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    }
  });
});
