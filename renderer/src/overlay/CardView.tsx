import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { Cue, CueState } from '@core/cues';
import type { Evidence } from '@core/evidence';
import type { AppCommand } from '../commands';
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

export interface CardViewProps {
  record: ShownCardRecord;
  live: boolean;
  /** What the meters show now, so that the card's label agrees with them. */
  shownStates?: Readonly<Record<Cue, CueState>> | undefined;
  pinned?: boolean;
  /** Safety only: folded to the crisis line after Esc. */
  collapsed?: boolean;
  /** Welcome only: the organisation's line for telling the caller, and whether it has been said. */
  disclosure?: { line: string; said: boolean } | undefined;
  /** The card's buttons raise the same commands as their keys. */
  onCommand: (command: AppCommand) => void;
}

/** The safety card after Esc: it stays for the rest of the call as one line with the crisis number. */
function SafetyStrip({ note, onCommand }: { note: string | undefined; onCommand: (command: AppCommand) => void }) {
  return (
    <div className="safety-strip" data-testid="safety-strip">
      <p>
        <strong>Safety risk.</strong> {note ? withNumbers(note.replace(/^Follow your safety protocol\.\s*/, '')) : null}
      </p>
      <button type="button" onClick={() => onCommand('card:dismiss')}>
        Show the safety card <kbd>Esc</kbd>
      </button>
    </div>
  );
}

export function CardView({ record, live, shownStates, pinned = false, collapsed = false, disclosure, onCommand }: CardViewProps) {
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

  if (safety && collapsed) return <SafetyStrip note={card.note} onCommand={onCommand} />;
  const labelState = reason.kind === 'cue' && reason.cue !== 'safety' ? shownStates?.[reason.cue] : undefined;
  // On the safety card the note holds the crisis line, which the agent may need first: it goes under the title, in
  // view in the smallest window, rather than below the card's fold.
  const note = card.note ? <p className={safety ? 'card-part card-note card-note-first' : 'card-part card-note'} data-testid="card-note">{withNumbers(card.note)}</p> : null;

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
      data-label-state={labelState ?? ''}
      data-pinned={pinned ? 'true' : 'false'}
      aria-labelledby={titleId}
    >
      <header className="card-head">
        <p className="card-reason" data-testid="card-reason">
          {reasonText(reason, labelState)}
          {/* The strongest of the caller's words up top, seen with the title: the full "Why" sits under the card's
              lines, below the fold of a small overlay. */}
          {why.length > 0 ? (
            <span className="card-reason-why" data-testid="card-reason-why">
              {' · '}
              <q>{why[0].text}</q>
            </span>
          ) : null}
          {pinned ? ' · kept' : ''}
        </p>
        <h2 className="card-title" id={titleId}>
          {card.title}
        </h2>
      </header>
      {safety ? note : null}
      {disclosure ? (
        <div className="card-part card-disclosure" data-testid="disclosure">
          <h3 className="card-label">Tell the caller</h3>
          <p className="disclosure-line">{disclosure.line}</p>
          {live ? (
            <button type="button" className="disclosure-said" aria-pressed={disclosure.said} onClick={() => onCommand('disclosure:said')} disabled={disclosure.said}>
              {disclosure.said ? '✓ Said it' : 'I said it'}
            </button>
          ) : null}
        </div>
      ) : null}
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
      {safety ? null : note}
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
      ) : reason.kind === 'cue' && reason.cue !== 'safety' ? (
        // The model heard it in words that carry no feeling on their own ("sorry", "please"), which are never shown
        // as a reason: the card still says why it came, and that no one word carried it.
        <div className="card-part card-why" data-testid="card-why">
          <h3 className="card-label">Why</h3>
          <p className="card-why-whole" data-testid="card-why-whole">
            The turn as a whole and the call so far; no one word stands out.
          </p>
        </div>
      ) : null}
      {live ? (
        <footer className="card-actions">
          <button type="button" aria-pressed={record.helpful === true} onClick={() => onCommand('card:helpful')}>
            Helpful <kbd>H</kbd>
          </button>
          <button type="button" aria-pressed={record.helpful === false} onClick={() => onCommand('card:not-helpful')}>
            Not helpful <kbd>N</kbd>
          </button>
          {safety ? null : (
            <button type="button" className="card-pin" aria-pressed={pinned} onClick={() => onCommand('card:pin')}>
              Keep <kbd>K</kbd>
            </button>
          )}
          <button type="button" className="card-dismiss" onClick={() => onCommand('card:dismiss')}>
            {safety ? 'Fold' : 'Dismiss'} <kbd>Esc</kbd>
          </button>
        </footer>
      ) : null}
    </article>
  );
}
