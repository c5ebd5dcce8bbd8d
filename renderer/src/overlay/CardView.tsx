import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { Evidence } from '@core/evidence';
import { dispatchCommand } from '../commands';
import type { ShownCardRecord } from '../session/types';
import { markAfterPaint } from './afterPaint';
import { evidenceKindText, reasonKey, reasonText } from './format';

const MAX_EVIDENCE = 4;

/** What the agent sees under "Why": the customer's own words, strongest first, each once. */
function whyItems(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return [...evidence]
    .filter((e) => !e.negated && e.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .filter((e) => {
      const key = `${e.kind}|${e.text.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_EVIDENCE);
}

/** Phone numbers such as "13 11 14" or "+44 800 123 4567": kept on one line, so none reads as two numbers. */
const PHONE = /\+?\d[\d\s-]{2,}\d/g;

export function withNumbers(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    const at = match.index;
    if (at > last) out.push(text.slice(last, at));
    out.push(
      <span className="crisis-number" key={at}>
        {match[0]}
      </span>,
    );
    last = at + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function CardView({ record, live }: { record: ShownCardRecord; live: boolean }) {
  const { shown, segmentId } = record;
  const { card, reason } = shown;
  const titleId = useId();
  const why = whyItems(shown.evidence);
  const article = useRef<HTMLElement>(null);
  const safety = card.id === 'safety';

  // A new card must be seen even if the agent had scrolled away; moving the view never moves focus.
  // The engine may hand over a fresh object for the same card on every update: key on what identifies it.
  const identity = `${card.id}|${shown.shownAt}|${segmentId ?? ''}`;
  useEffect(() => {
    article.current?.closest('.card-stage')?.scrollIntoView?.({ block: 'nearest' });
  }, [identity]);

  // For the paint-latency benchmark: final segment pushed -> this card on screen.
  // Not cancelled on unmount: once committed, the card is painted in this frame even if it goes in the next.
  useLayoutEffect(() => {
    if (!segmentId) return;
    performance.mark(`steady:card-rendered:${segmentId}`);
    markAfterPaint(`steady:card-painted:${segmentId}`);
  }, [identity, segmentId]);

  return (
    <article
      ref={article}
      className="card"
      data-testid="cue-card"
      data-card-id={card.id}
      data-reason={reasonKey(reason)}
      data-cue={reason.kind === 'cue' ? reason.cue : undefined}
      data-segment-id={segmentId ?? ''}
      data-shown-at={shown.shownAt}
      aria-labelledby={titleId}
    >
      <header className="card-head">
        <p className="card-reason">{reasonText(reason)}</p>
        <h2 className="card-title" id={titleId}>
          {card.title}
        </h2>
      </header>
      <div className="card-part">
        <h3 className="card-label">Say</h3>
        <ul className="card-say">
          {card.say.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <p className="card-part card-avoid">
        <span className="card-label">Avoid</span> {card.avoid}
      </p>
      <p className="card-part card-breathe">
        <span className="card-label">Breathe</span> {card.breathe}
      </p>
      {card.note ? <p className="card-part card-note">{withNumbers(card.note)}</p> : null}
      {why.length > 0 ? (
        <div className="card-part card-why" data-testid="card-why">
          <h3 className="card-label">Why</h3>
          <ul>
            {why.map((e) => (
              <li key={`${e.kind}|${e.text}`} data-testid="card-evidence" data-kind={e.kind}>
                <q>{e.text}</q> <span className="card-kind">{evidenceKindText(e.kind)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {live ? (
        <footer className="card-actions">
          <button type="button" aria-pressed={record.helpful === true} onClick={() => dispatchCommand('card:helpful')}>
            Helpful <kbd>H</kbd>
          </button>
          <button type="button" aria-pressed={record.helpful === false} onClick={() => dispatchCommand('card:not-helpful')}>
            Not helpful <kbd>N</kbd>
          </button>
          <button type="button" className="card-dismiss" onClick={() => dispatchCommand('card:dismiss')}>
            Dismiss <kbd>Esc</kbd>
          </button>
        </footer>
      ) : null}
    </article>
  );
}
