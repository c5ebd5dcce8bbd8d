import { readAgentContext } from '../agentContext';
import type { ContextSettings, ModelCue } from './types';

/**
 * The conversation so far, as the cue model sees it: a decayed sum of the
 * customer's earlier turn probabilities per cue (a complaint that keeps coming
 * back weighs more), and whether the agent's last turn was bad news. The
 * agent's words are read for context only: they never produce a score of their own.
 */
export interface ConversationContext {
  customer: Record<ModelCue, number>;
  agentBadNews: boolean;
}

export function newConversationContext(): ConversationContext {
  return { customer: { distress: 0, hostility: 0 }, agentBadNews: false };
}

export function resetConversationContext(c: ConversationContext): void {
  c.customer.distress = 0;
  c.customer.hostility = 0;
  c.agentBadNews = false;
}

export function hearAgentTurn(c: ConversationContext, text: string): void {
  c.agentBadNews = readAgentContext(text).badNews.length > 0;
}

/**
 * Turns the model puts below this add nothing to the context: a long calm call
 * is many small probabilities, and their sum must not pass for rising feeling.
 */
export const CONTEXT_FLOOR = 0.2;

/** What one turn adds to the running sum. */
export function contextShare(p: number): number {
  return p > CONTEXT_FLOOR ? p - CONTEXT_FLOOR : 0;
}

/** After a customer turn: `turn` holds that turn's own probabilities, without context, so the sum cannot feed on itself. */
export function hearCustomerTurn(c: ConversationContext, settings: ContextSettings, turn: Readonly<Record<ModelCue, number>>): void {
  c.customer.distress = c.customer.distress * settings.turnDecay.distress + contextShare(turn.distress);
  c.customer.hostility = c.customer.hostility * settings.turnDecay.hostility + contextShare(turn.hostility);
  c.agentBadNews = false;
}

/**
 * A turn the model puts below this by its own words reads calm: the customer's earlier turns lift it no more than the
 * settings' limit, so that "okay, thanks" after a heated streak lets the level fade, while a turn with feeling of its
 * own still takes the conversation's full weight.
 */
export const CALM_OWN = 0.1;
const CALM_OWN_LOG_ODDS = Math.log(CALM_OWN / (1 - CALM_OWN));

/** What the customer's earlier turns add to a turn whose own calibrated log-odds are `own` (compared as log-odds: no exp per turn). */
export function customerLift(settings: ContextSettings, cue: ModelCue, sum: number, own: number): number {
  const lift = settings.customer[cue] * sum;
  const most = settings.customerMost?.[cue];
  return most == null || own >= CALM_OWN_LOG_ODDS ? lift : Math.min(lift, most);
}

export function contextLogit(c: ConversationContext, settings: ContextSettings, cue: ModelCue, own: number): number {
  return customerLift(settings, cue, c.customer[cue], own) + (c.agentBadNews ? settings.agentBadNews[cue] : 0);
}
