import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { TranscriptLine } from '../session/types';

/** How close to the bottom still counts as "following along". */
const FOLLOW_SLACK_PX = 24;

const SPEAKER_WORDS = { customer: 'Customer', agent: 'You' } as const;

const Line = memo(function Line({ line }: { line: TranscriptLine }) {
  return (
    <li
      className={`line line-${line.channel}${line.final ? '' : ' line-partial'}`}
      data-testid="transcript-line"
      data-segment-id={line.segmentId}
      data-channel={line.channel}
      data-final={line.final ? 'true' : 'false'}
    >
      <span className="line-who">{SPEAKER_WORDS[line.channel]}</span>
      <span className="line-text">
        {line.text}
        {line.final ? null : (
          <>
            <span className="line-more" aria-hidden="true">…</span>
            <span className="sr-only"> (still speaking)</span>
          </>
        )}
      </span>
    </li>
  );
});

/**
 * Both channels in call order. Follows the newest line until the agent scrolls
 * back, then stays put and offers a way back to the latest.
 */
export function Transcript({ lines }: { lines: readonly TranscriptLine[] }) {
  const box = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(true);

  const onScroll = useCallback(() => {
    const el = box.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= FOLLOW_SLACK_PX;
    if (atBottom !== followingRef.current) {
      followingRef.current = atBottom;
      setFollowing(atBottom);
    }
  }, []);

  const jump = useCallback(() => {
    const el = box.current;
    if (!el) return;
    followingRef.current = true;
    setFollowing(true);
    el.scrollTop = el.scrollHeight;
  }, []);

  useLayoutEffect(() => {
    const el = box.current;
    if (el && followingRef.current) el.scrollTop = el.scrollHeight;
  }, [lines]);

  return (
    <section className="transcript" aria-label="Transcript">
      <div className="transcript-scroll" ref={box} onScroll={onScroll} tabIndex={0} data-testid="transcript" data-following={following ? 'true' : 'false'}>
        {lines.length === 0 ? (
          <p className="transcript-empty">The transcript appears here during a call.</p>
        ) : (
          <ol className="transcript-lines">
            {lines.map((line) => (
              <Line key={line.segmentId} line={line} />
            ))}
          </ol>
        )}
      </div>
      {following ? null : (
        <button type="button" className="transcript-jump" onClick={jump} data-testid="jump-to-latest">
          Jump to latest ↓
        </button>
      )}
    </section>
  );
}
