import { useEffect, useRef, useState } from 'react';
import type { StorageProblem } from '../storage/errors';
import type { CallDetail } from '../storage/queries';
import { useFocusWhenLost } from '../overlay/focusWhenLost';
import { PracticeReview } from './PracticeReview';
import { BetweenCalls } from '../care/BetweenCalls';
import '../care/care.css';
import { CallSavingNotice } from '../storage/CallSavingNotice';
import { StorageNotice } from '../storage/StorageNotice';
import './aftercall.css';
import { dropDraft } from './draft';
import { callClock, dateTimeWords, durationWords, summaryWords } from './format';
import { reflectHref, type ReflectionOffer } from '../offers/reflectionOffers';
import { ReflectionForm } from './ReflectionForm';
import { Timeline } from './Timeline';

/** The call as the view shows it: loading, found (or gone: null), or a storage problem. */
export type CallLoad = { state: 'loading' } | { state: 'ready'; detail: CallDetail | null } | { state: 'failed'; problem: StorageProblem };

export interface ReflectionViewProps {
  /** Calls waiting for a reflection, newest first. */
  offers: readonly ReflectionOffer[];
  /** The call named in the hash (#/reflect/<id>), if any; otherwise the newest offer is shown. */
  hashId: string | null;
  load: CallLoad;
  /** The call was reflected on or skipped. */
  onResolve: (callId: string) => void;
}

/**
 * After the call: what happened, a reframe, grace and self-care. Short, kind,
 * skippable, and never in the way of the next call.
 */
export function ReflectionView({ offers, hashId, load, onResolve }: ReflectionViewProps) {
  const callId = hashId ?? offers[0]?.callId ?? null;
  const offer: ReflectionOffer | undefined = offers.find((o) => o.callId === callId);
  const [done, setDone] = useState<string | null>(null);
  // Opened by a call ending: the agent's focus lands on this view's heading, not on the page body.
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusWhenLost(heading, true, callId);
  // A different call chosen later (a new offer, a link from History) opens normally.
  useEffect(() => {
    if (done !== null && hashId !== null && hashId !== done) setDone(null);
  }, [hashId, done]);
  const others = offers.filter((o) => o.callId !== callId);

  // Saving resolves the offer, so the saved call may no longer be the one the view would pick.
  const justSaved = done !== null && (hashId === null || hashId === done);
  if (!callId || justSaved) {
    return (
      <section className="reflection" aria-labelledby="reflect-h">
        <h1 id="reflect-h" ref={heading} tabIndex={-1}>
          After the call
        </h1>
        {justSaved ? (
          <p role="status">Saved, just for you. Thank you for taking a moment.</p>
        ) : (
          <p className="muted">No call is waiting for a reflection. Past calls are in <a href="#/history">History</a>.</p>
        )}
        <OtherOffers offers={others} />
        <BetweenCalls showReflectionOffer={false} />
      </section>
    );
  }

  const detail = load.state === 'ready' ? load.detail : null;
  const summary = detail?.call.summary ?? offer?.summary ?? null;
  const startedAt = detail?.call.startedAt ?? offer?.startedAt ?? null;
  const interrupted = detail?.call.interrupted ?? offer?.interrupted ?? false;

  const skip = () => {
    onResolve(callId);
    dropDraft(callId);
    // Editing an earlier reflection goes back to History; skipping a new one goes back to the call.
    if (detail?.reflection) location.hash = '#/history';
    else location.hash = others[0] ? reflectHref(others[0].callId) : '#/overlay';
  };

  return (
    <section className="reflection" aria-labelledby="reflect-h">
      <h1 id="reflect-h" ref={heading} tabIndex={-1}>
        After the call
      </h1>
      <p className="muted">
        {startedAt !== null ? dateTimeWords(startedAt) : 'Your last call'}
        {detail ? ` · ${durationWords(detail.call.duration)}` : ''}
        {detail?.call.title ? ` · ${detail.call.title}` : ''}
      </p>
      {interrupted && <p className="interrupted">Steady closed during this call. Everything up to that moment was kept.</p>}
      {load.state === 'failed' && <StorageNotice problem={load.problem} />}
      <CallSavingNotice />
      <StorageNotice />

      <h2>What happened</h2>
      {load.state === 'loading' && <p className="muted">Opening the call…</p>}
      {load.state === 'ready' && !detail && <p className="muted">This call is no longer stored. You can still reflect on it.</p>}
      {detail && (
        <>
          <p className="call-summary">{summaryWords(detail.call.summary)}</p>
          <Timeline
            duration={detail.call.duration}
            changes={detail.cueChanges}
            cards={detail.cards}
            {...(detail.call.moments ? { moments: detail.call.moments } : {})}
          />
          {detail.call.moments?.length ? (
            <p className="muted small">You marked {detail.call.moments.map(callClock).join(', ')} to come back to.</p>
          ) : null}
          <PracticeReview call={detail.call} cards={detail.cards} />
        </>
      )}

      {summary && load.state !== 'loading' && (
        <ReflectionForm
          key={callId}
          callId={callId}
          summary={summary}
          existing={detail?.reflection ?? null}
          onSaved={() => {
            onResolve(callId);
            setDone(callId);
          }}
          onSkip={skip}
        />
      )}
      <OtherOffers offers={others} />
    </section>
  );
}

function OtherOffers({ offers }: { offers: readonly ReflectionOffer[] }) {
  if (offers.length === 0) return null;
  return (
    <nav className="other-offers" aria-label="Other calls waiting">
      <p className="muted">Also waiting for a reflection:</p>
      <ul>
        {offers.map((o) => (
          <li key={o.callId}>
            <a href={reflectHref(o.callId)}>
              {dateTimeWords(o.startedAt)} · {summaryWords(o.summary)}
              {o.interrupted ? ' · cut off' : ''}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
