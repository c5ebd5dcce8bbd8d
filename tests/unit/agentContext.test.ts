import { describe, expect, it } from 'vitest';
import { readAgentContext } from '@core/agentContext';

describe('agent context (bad news, never emotion)', () => {
  it('finds bad news and tells its kind', () => {
    expect(readAgentContext("Unfortunately we can't offer a refund on that.").badNewsKind).toBe('refund-refused');
    expect(readAgentContext("I'm afraid we're unable to extend the due date.").badNewsKind).toBe('extension-declined');
    expect(readAgentContext('That model is out of stock until March.').badNewsKind).toBe('out-of-stock');
    expect(readAgentContext("You're not eligible for the hardship rebate.").badNewsKind).toBe('not-eligible');
    const general = readAgentContext("I'm unable to change that today.");
    expect(general.badNewsKind).toBe('general');
    expect(general.badNews[0]).toMatchObject({ kind: 'bad-news', text: "I'm unable to", weight: 0 });
  });

  it('finds nothing in ordinary helpful talk', () => {
    for (const text of ['Sure, happy to help with that.', "I can't hear you very well, could you repeat that?", 'Let me check your account.']) {
      expect(readAgentContext(text)).toEqual({ badNews: [] });
    }
  });

  it('carries no emotion score, whatever words the agent uses', () => {
    const context = readAgentContext('I am furious and I hate this stupid job');
    expect(context).toEqual({ badNews: [] });
    expect(Object.keys(context)).not.toContain('hostility');
  });
});
