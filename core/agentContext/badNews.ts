import type { Evidence } from '../evidence';
import { compileLexicon, matchAt } from '../lexicon/matcher';
import { tokenize } from '../lexicon/tokenize';
import type { LexiconEntry } from '../lexicon/types';
import type { AgentContext } from '../scoring/types';

/**
 * What the agent's own words say about the call's situation: that they are
 * giving news the customer will not want. This is context for choosing a card,
 * never a judgement of the agent: the agent's voice and words are never scored
 * for emotion (inferring an employee's emotions at work is prohibited under the
 * EU AI Act).
 */
type Kind = NonNullable<AgentContext['badNewsKind']>;

const PHRASES: Record<Kind, string> = {
  'refund-refused': `can't offer a refund|cannot offer a refund|unable to offer a refund|not able to refund|can't refund|cannot refund|unable to refund|
    no refund|not eligible for a refund|refund has been declined|refund was declined|refund is not possible|won't be able to refund|can't give you a refund|
    cannot give you a refund|not entitled to a refund|non refundable|nonrefundable`,
  'extension-declined': `can't extend|cannot extend|unable to extend|extension has been declined|extension was declined|extension is declined|
    can't give you an extension|cannot give you an extension|can't offer an extension|cannot offer an extension|no further extension|
    can't defer|cannot defer|unable to defer|payment plan was declined|payment plan has been declined|can't offer a payment plan`,
  'out-of-stock': `out of stock|no longer in stock|sold out|discontinued|on back order|backordered|no longer available|not available at the moment|
    unavailable at the moment|won't be back in stock`,
  'not-eligible': `not eligible|ineligible|don't qualify|doesn't qualify|do not qualify|does not qualify|not entitled|doesn't meet the criteria|
    don't meet the criteria|does not meet the criteria|not covered|isn't covered|is not covered|application was declined|application has been declined|
    claim was declined|claim has been declined|claim was rejected|claim has been rejected`,
  general: `unfortunately|i'm afraid|i'm unable to|i am unable to|we're unable to|we are unable to|declined|been declined|rejected|denied|i'm sorry to say|sorry to tell you|bad news|not possible|can't do that|cannot do that|
    won't be able to|no longer able|have to decline|must decline|we'll have to cancel|has been cancelled|will be disconnected|overdue`,
};

/** Specific kinds beat "general" when both appear in one utterance. */
const KIND_ORDER: readonly Kind[] = ['refund-refused', 'extension-declined', 'out-of-stock', 'not-eligible', 'general'];

const entries: LexiconEntry<Kind>[] = KIND_ORDER.flatMap((kind) =>
  PHRASES[kind]
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    // The cue field is unused here; 'distress' only satisfies the entry type. The kind carries the meaning.
    .map((phrase): LexiconEntry<Kind> => ({ phrase, cue: 'distress', kind, weight: 0 })),
);
const lexicon = compileLexicon(entries);

/** Reads one agent utterance for bad news. Returns an empty context when there is none. */
export function readAgentContext(text: string): AgentContext {
  const tokens = tokenize(text);
  const badNews: Evidence[] = [];
  let best: Kind | undefined;
  let i = 0;
  while (i < tokens.words.length) {
    const phrase = matchAt(lexicon, tokens.words, i);
    const hit = phrase?.hits[0];
    if (!phrase || !hit) {
      i++;
      continue;
    }
    const end = i + phrase.words.length;
    const span = [tokens.starts[i], tokens.ends[end - 1]] as const;
    // Shown on the customer-facing cues' cards as the situation, so it carries the cue it most often leads to.
    badNews.push({ cue: 'hostility', kind: 'bad-news', text: text.slice(span[0], span[1]), weight: 0, span });
    const kind = hit.kind;
    if (best === undefined || KIND_ORDER.indexOf(kind) < KIND_ORDER.indexOf(best)) best = kind;
    // Overlaps are allowed: "we're unable to extend" is both general and an extension refusal.
    i++;
  }
  return best === undefined ? { badNews } : { badNews, badNewsKind: best };
}
