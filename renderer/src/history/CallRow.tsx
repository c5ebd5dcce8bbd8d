import { useEffect, useState } from 'react';
import { callClock, dateTimeWords, durationWords, summaryWords } from '../aftercall/format';
import { reflectHref } from '../offers/reflectionOffers';
import type { CallSource } from '../session/types';
import { Timeline } from '../aftercall/Timeline';
import { useServices } from '../ServicesProvider';
import { describeStorageError, type StorageProblem } from '../storage/errors';
import { loadCallDetail, type CallDetail, type HistoryRow } from '../storage/queries';
import { StorageNotice } from '../storage/StorageNotice';

const STRESS_WORDS = ['', 'calm', 'a little tense', 'tense', 'very tense', 'overwhelmed'];
/** Practice calls and replays are marked: they never count as hard calls in the trend or towards a break. */
const SOURCE_WORDS: Readonly<Record<CallSource, string | null>> = { live: null, practice: 'practice call', replay: 'replay' };

/** Whether the caller was told that Steady listens, and whether they asked for the cues to stop. */
function disclosureWords(call: HistoryRow['call']): string {
  const told = call.disclosedAt !== undefined ? `Caller told at ${callClock(call.disclosedAt)}` : 'Caller not told';
  return call.cuesPausedAt !== undefined ? `${told} · cues paused at ${callClock(call.cuesPausedAt)}` : told;
}

/** One past call: a line that says what it held, opening to its timeline, reflection and transcript. */
export function CallRow({ row }: { row: HistoryRow }) {
  const { db } = useServices();
  const { call, reflection } = row;
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<CallDetail | null>(null);
  const [problem, setProblem] = useState<StorageProblem | null>(null);

  useEffect(() => {
    if (!open || detail) return;
    loadCallDetail(db, call.id).then(setDetail, (e: unknown) => setProblem(describeStorageError(e, 'opening this call')));
  }, [open, detail, call.id]);

  const panelId = `call-${call.id}`;
  return (
    <li className="call-row" data-testid="history-call">
      <button type="button" className="call-row-head" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <span className="call-row-when">
          {dateTimeWords(call.startedAt)} · {durationWords(call.duration)}
          {call.title ? ` · ${call.title}` : ''}
          {SOURCE_WORDS[call.source] ? ` (${SOURCE_WORDS[call.source]})` : ''}
        </span>
        <span className="call-row-cues">{summaryWords(call.summary)}{call.interrupted ? ' · cut off' : ''}</span>
        <span className="call-row-told" data-testid="history-disclosure">{disclosureWords(call)}</span>
        <span className="call-row-reflection">
          {reflection
            ? `Reflected${reflection.stress ? ` · stress ${reflection.stress} of 5 (${STRESS_WORDS[reflection.stress]})` : ''}`
            : 'No reflection'}
        </span>
      </button>
      {open && (
        <div id={panelId} className="call-row-body">
          <StorageNotice problem={problem} />
          {!detail && !problem && <p className="muted">Opening…</p>}
          {detail && (
            <>
              <Timeline duration={call.duration} changes={detail.cueChanges} cards={detail.cards} {...(call.moments ? { moments: call.moments } : {})} />
              {detail.reflection ? (
                <div className="call-reflection" data-testid="history-reflection">
                  <h4>Your reflection</h4>
                  {detail.reflection.answers
                    .filter((a) => a.picked.length || a.text)
                    .map((a) => (
                      <p key={a.promptId}>
                        <span className="muted">{a.prompt}</span> {[...a.picked, a.text].filter(Boolean).join('; ')}
                      </p>
                    ))}
                  {detail.reflection.answers.every((a) => !a.picked.length && !a.text) && <p className="muted">Saved without notes.</p>}
                  {detail.reflection.stress ? <p>Stress: {detail.reflection.stress} of 5</p> : null}
                  {detail.reflection.care ? <p>For you: {detail.reflection.care.text}</p> : null}
                  <a href={reflectHref(call.id)}>Edit reflection</a>
                </div>
              ) : (
                <p>
                  <a href={reflectHref(call.id)}>Reflect on this call</a>
                </p>
              )}
              <details>
                <summary>Transcript</summary>
                {call.transcriptPurged || detail.segments.length === 0 ? (
                  <p className="muted">{call.transcriptPurged ? 'The words of this call were removed, as your settings ask.' : 'No words were kept for this call.'}</p>
                ) : (
                  <ol className="call-transcript">
                    {detail.segments.map((s) => (
                      <li key={s.segmentId}>
                        <span className="muted">{callClock(s.start)} {s.channel === 'agent' ? 'You' : 'Customer'}:</span> {s.text}
                      </li>
                    ))}
                  </ol>
                )}
              </details>
            </>
          )}
        </div>
      )}
    </li>
  );
}
