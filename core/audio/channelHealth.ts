import type { Decibels, Seconds } from '../units';

/**
 * Tells a dead or muted input apart from a quiet caller: a real line always
 * carries some noise, so a long stretch below the hiss floor means nothing is
 * arriving (muted device, wrong source, unplugged cable).
 */
export type ChannelCondition = 'ok' | 'silent';

export const NO_SIGNAL_DB: Decibels = -70;

export class ChannelHealth {
  private quietFor: Seconds = 0;
  constructor(private readonly silentAfter: Seconds = 30) {}

  /** Feed each frame's level and length; returns the channel's condition now. */
  push(level: Decibels, seconds: Seconds): ChannelCondition {
    this.quietFor = level < NO_SIGNAL_DB ? this.quietFor + seconds : 0;
    return this.condition;
  }

  get condition(): ChannelCondition {
    return this.quietFor >= this.silentAfter ? 'silent' : 'ok';
  }

  get silentSeconds(): Seconds {
    return this.quietFor;
  }
}
