/**
 * Card priorities. A higher number wins; a card on screen is replaced at once
 * only by a higher one. The bands follow the team guide: safety, then abuse or
 * threat, then a cue at high, then a cue rising.
 *
 * `situation` is for a specific moment while no cue is alerting yet: the
 * customer in tears, or reacting to bad news, while the cue is
 * only at watch. `context` is for the welcome and centre cards, which
 * mark a phase of the day rather than anything the customer said.
 */
export const CARD_PRIORITY = {
  safety: 100,
  abuse: 80,
  high: 60,
  rising: 40,
  situation: 30,
  context: 10,
} as const;

/**
 * At the same level, hostility is placed just above distress. Rising hostility
 * can turn into abuse within one turn, so the agent needs their boundary line
 * ready first; the boundary card's own lines already acknowledge the feeling,
 * which also serves a customer who is upset as well as angry.
 */
export const HOSTILITY_TIEBREAK = 1;
