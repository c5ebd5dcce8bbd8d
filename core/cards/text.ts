import type { AgentContext } from '../scoring/types';
import type { CardId } from '../cardIds';
import type { Card } from './types';

/**
 * The default wording of every card, before a profile's overrides.
 *
 * Written for an agent who glances at the overlay mid-call: a short title
 * naming the technique, two or three lines that can be spoken exactly as
 * written, one thing to avoid and one breath. Plain, warm, no jargon, no blame.
 * Lines on the between-call cards (centre, grace, reframe, care-for-you) are
 * for the agent to say to themselves, not to a customer.
 *
 * Notes that depend on the organisation (crisis line, abuse policy) are added
 * by buildCardLibrary from the profile, so they are not here.
 */
export const CARD_TEXT: Readonly<Record<CardId, Omit<Card, 'id' | 'note'>>> = {
  // --- situation cards ---
  safety: {
    title: 'Safety: stay with them',
    say: ['Thank you for telling me that.', "I'm staying right here on the line with you.", 'Are you safe right now?'],
    avoid: "Don't rush them, argue, or promise to keep it a secret.",
    breathe: 'Slow breath out. Your steady voice helps.',
  },
  'abuse-policy': {
    title: 'Warn once, calmly',
    say: [
      'I want to help, and I need us to speak respectfully.',
      'If this continues, I will end the call.',
      "I'm ending the call now. You're welcome to call back.",
    ],
    avoid: "Don't match their tone or answer insult with insult.",
    breathe: 'Feet on the floor. Long breath out.',
  },
  boundary: {
    title: 'Be prepared: your boundary line',
    say: [
      'I understand this has been a real hassle.',
      'I want to sort this out with you, calmly.',
      "Let me tell you what's possible today.",
    ],
    avoid: "Don't debate how they feel, or lift your own voice.",
    breathe: 'Breathe out for longer than you breathe in.',
  },
  distress: {
    title: 'Slow down, acknowledge',
    say: [
      'Thank you for telling me. That sounds really hard.',
      "Is it okay if I note this, so you don't have to explain it again?",
      "Let's go one step at a time and look at your options.",
    ],
    avoid: "Don't rush to fix it or say you know how they feel.",
    breathe: 'Slow your pace. One breath before you answer.',
  },
  // A caller telling of hardship, their health or their needs, often calmly: the TEXAS shape services train for
  // disclosures (thank them, explain why it is noted and ask consent, ask what would help, signpost), with no guess
  // at how they feel about it.
  disclosure: {
    title: 'Thank them, then ask',
    say: [
      'Thank you for letting me know that.',
      "Can I note it on your account, so you don't have to say it again?",
      'Is there anything that would make this call easier for you?',
    ],
    avoid: "Don't ask for proof, or more detail than you need.",
    breathe: 'Slow down. Let them finish before you answer.',
  },
  tears: {
    title: 'Give them a moment',
    say: ["Take your time. I'm still here.", "It's okay to be upset about this.", "When you're ready, we'll go through it together."],
    avoid: "Don't fill the silence or hurry them along.",
    breathe: 'Let the pause be. Breathe gently.',
  },
  'bad-news': {
    title: 'Hard news, kindly',
    say: [
      "I know this isn't what you were hoping to hear.",
      "I can't do that one, but here's what I can do.",
      "Let's look at the next best option together.",
    ],
    avoid: "Don't hide behind policy words or promise what you can't give.",
    breathe: 'Say it plainly, then pause and let it land.',
  },
  demanding: {
    title: 'What is the need?',
    say: [
      'I can hear this really matters to you.',
      'Help me understand what would fix this for you today.',
      "Here's what I can do right now.",
    ],
    avoid: "Don't take the demand personally or step outside what's allowed.",
    breathe: 'Drop your shoulders. Listen for the need.',
  },
  welcome: {
    title: 'Start with welcome',
    say: ['Hello, thanks for calling. How can I help today?', "Take your time, I'm listening."],
    avoid: "Don't rush the greeting, even on a busy day.",
    breathe: 'Breathe in, and let your voice be warm.',
  },
  centre: {
    title: 'Centre yourself',
    say: ['That call is done. I did what I could.', 'One thing I can see, one thing I can hear.', "I'm ready for the next person."],
    avoid: "Don't replay the last call in your head.",
    breathe: 'Three slow breaths before the next call.',
  },
  // --- the seven techniques ---
  'maintain-calm': {
    title: 'Maintain your calm',
    say: ['Let me just check that for you.', "I'm here, and we'll work through this together."],
    avoid: "Don't speed up to match their pace.",
    breathe: 'Notice your feet on the floor. Breathe out.',
  },
  grace: {
    title: 'Give yourself grace',
    say: ["I'm a decent person, and this is a hard job.", "I'm helping someone through a tough time, as best I can."],
    avoid: "Don't blame yourself for what you can't control.",
    breathe: 'One kind breath, just for you.',
  },
  'welcome-kindness': {
    title: 'Welcome and kindness',
    say: ["It's good to hear from you. How can I help?", 'Thanks for your patience today.'],
    avoid: "Don't open with the rules.",
    breathe: 'Soft shoulders, easy breath, warm voice.',
  },
  'be-prepared': {
    title: 'Be prepared',
    say: ['I understand. Let me tell you what I can do.', "I can't change that decision, but I can help with the next step."],
    avoid: "Don't make it up on the spot.",
    breathe: 'Breathe in, then say your prepared line.',
  },
  'rational-compassion': {
    title: 'Rational compassion',
    say: [
      "I know it's tough right now.",
      "Here's what I can do for you today.",
      "That part is outside what I'm allowed to do, but this I can do.",
    ],
    avoid: "Don't get pulled outside what you're allowed to offer.",
    breathe: 'Kind and clear. One breath between them.',
  },
  reframe: {
    title: 'Reframe the moment',
    say: ['I wonder what happened to them today.', "Their feelings are theirs. I don't have to carry them."],
    avoid: "Don't tell yourself they're just a difficult person.",
    breathe: 'Breathe out and let the call go.',
  },
  'care-for-you': {
    title: 'Care for you',
    say: ["I'm taking a minute for myself.", 'What brings me calm, energy or joy today?'],
    avoid: "Don't skip your break to catch up.",
    breathe: 'Stretch, sip some water, breathe slowly.',
  },
};

export type BadNewsKind = NonNullable<AgentContext['badNewsKind']>;

/**
 * Lines for the bad-news card by kind of news, so the agent gets words that
 * fit what they just said. 'general' uses the card's default lines.
 */
export const BAD_NEWS_SAY: Readonly<Record<Exclude<BadNewsKind, 'general'>, readonly string[]>> = {
  'refund-refused': [
    "I know a refund isn't the answer you wanted.",
    "I can't refund this one, but here's what I can do.",
    'Can I walk you through the other options?',
  ],
  'extension-declined': [
    'I know you were counting on more time.',
    "I can't extend this one, but I can help you plan from here.",
    'Would a smaller payment arrangement help?',
  ],
  'out-of-stock': [
    "I'm sorry, we don't have that one right now.",
    'I can tell you when it is due back, or find something close.',
    'What would help you most today?',
  ],
  'not-eligible': [
    "I'm sorry, this one isn't open to you right now.",
    "That's about the rules, not about you.",
    "Let's see what other support you can get.",
  ],
};
