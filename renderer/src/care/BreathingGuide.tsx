import { useEffect, useRef, useState } from 'react';
import { BREATH_IN_S, BREATH_OUT_S, BREATH_ROUNDS, breathAt } from './breathing';

/**
 * A circle that grows on the in-breath and shrinks on the out-breath, with the
 * same guidance in words (announced politely, once per phase) for anyone who
 * cannot see it or has reduced motion turned on.
 */
export function BreathingGuide({ onDone, onStop }: { onDone: () => void; onStop: () => void }) {
  const startedAt = useRef(performance.now());
  const [elapsed, setElapsed] = useState(0);
  const { phase, round, remaining, count } = breathAt(elapsed);

  useEffect(() => {
    const timer = setInterval(() => setElapsed((performance.now() - startedAt.current) / 1000), 250);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (phase === 'done') onDone();
  }, [phase, onDone]);

  const words = phase === 'in' ? 'Breathe in…' : 'Breathe out, slowly…';
  return (
    <div className="breathing" data-testid="breathing-guide">
      <div
        className={`breathing-circle is-${phase}`}
        style={{ transitionDuration: `${phase === 'in' ? BREATH_IN_S : BREATH_OUT_S}s` }}
        aria-hidden="true"
      />
      <p className="breathing-words" aria-live="polite">
        {phase === 'done' ? 'Done.' : words}
        {/* The count changes every second: shown, but not announced, so a screen reader hears each phase once. */}
        {phase !== 'done' && (
          <span className="breathing-count" data-testid="breathing-count" aria-hidden="true">
            {' '}
            {count}
          </span>
        )}
      </p>
      <p className="breathing-meta muted">
        Round {Math.min(round, BREATH_ROUNDS)} of {BREATH_ROUNDS} · {remaining} s left
      </p>
      <button type="button" onClick={onStop}>
        Stop
      </button>
    </div>
  );
}
