import { CARD_TEXT } from '@core/cards';
import { useServices } from '../ServicesProvider';
import { PRACTICE_CALLS } from '../replay/practiceCalls';
import type { CallRecord, CardRecord } from '../storage/records';
import { callClock } from './format';

/** Replaying a moment starts this long before the card, so that the agent hears what led to it. */
const LEAD_IN_SECONDS = 8;

/** The practice call a stored call was played from, found by its title (practice calls are bundled, never stored). */
function practiceCallFor(call: CallRecord) {
  return PRACTICE_CALLS.find((p) => p.title === call.title) ?? null;
}

/**
 * After a practice call: each card the call raised, the customer's words that
 * raised it and what its technique asks, with a way to replay that moment.
 */
export function PracticeReview({ call, cards }: { call: CallRecord; cards: readonly CardRecord[] }) {
  const { replay: replayController } = useServices();
  if (call.source !== 'practice') return null;
  const practice = practiceCallFor(call);
  const shown = cards.filter((c) => c.reason.kind !== 'call-start' && c.reason.kind !== 'between-calls');
  const replay = (card: CardRecord) => {
    if (!practice) return;
    replayController.choose(practice.call, 'practice', practice.title, true).play(1, Math.max(0, card.shownAt - LEAD_IN_SECONDS));
    location.hash = '#/overlay';
  };
  return (
    <section className="practice-review" aria-labelledby="practice-review-h" data-testid="practice-review">
      <h2 id="practice-review-h">Practice review</h2>
      {shown.length === 0 ? (
        <p className="muted">This call raised no cards.</p>
      ) : (
        <ol className="practice-cards">
          {shown.map((card) => {
            // The same words can stand behind two cues (a self-harm statement is safety and distress): each once.
            const words = card.evidence.map((e) => e.text).filter((w, i, all) => w && all.findIndex((o) => o.toLowerCase() === w.toLowerCase()) === i);
            const technique = CARD_TEXT[card.cardId];
            return (
              <li key={card.seq} data-testid="practice-card" data-card-id={card.cardId}>
                <p className="practice-card-head">
                  <strong>{card.title}</strong> <span className="muted">at {callClock(card.shownAt)}</span>
                </p>
                <p className="practice-card-words">
                  <span className="muted">The customer said:</span> {words.length > 0 ? words.map((w) => `“${w}”`).join(', ') : 'nothing in words (a signal in the voice, or the agent’s news)'}
                </p>
                <p className="practice-card-asks">
                  <span className="muted">The technique asks:</span> {technique.say[0]} Avoid: {technique.avoid.charAt(0).toLowerCase() + technique.avoid.slice(1)}
                </p>
                {practice ? (
                  <button type="button" onClick={() => replay(card)}>
                    Replay this moment
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
