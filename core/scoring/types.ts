import type { Evidence } from '../evidence';
import type { Tokens } from '../lexicon/tokenize';
import type { Score } from '../units';

/** The cue scores of one customer utterance, with every reason behind them. */
export interface UtteranceScore {
  distress: Score;
  hostility: Score;
  safety: Score;
  /** The raw AFINN total from `sentiment`, for display and comparison. */
  afinn: number;
  evidence: readonly Evidence[];
}

/** Scores customer utterances. Never given agent utterances. */
export interface UtteranceScorer {
  score(text: string): UtteranceScore;
}

/** A scorer that can also take the text already tokenised, so a caller that reads the words itself tokenises once. */
export interface TokenScorer extends UtteranceScorer {
  /** `tokens` must be what `tokenize(text)` gives; the score is then exactly `score(text)`'s. */
  scoreTokens(text: string, tokens: Tokens): UtteranceScore;
}

/** What the agent's own words tell us about the call's situation. Never an emotion score. */
export interface AgentContext {
  /** The agent is delivering news the customer will not want: refusal, ineligibility, out of stock. */
  badNews: readonly Evidence[];
  /** Which kind of bad news, when it can be told: drives the choice of bad-news card. */
  badNewsKind?: 'refund-refused' | 'extension-declined' | 'out-of-stock' | 'not-eligible' | 'general';
}
