import { CUE_STATES, CUES, stateRank, type Cue, type CueState } from '@core/cues';
import type { Seconds } from '@core/units';
import { callClock, CUE_WORDS } from './format';

/**
 * What happened on the call, at a glance: one lane per cue showing its state
 * over time, the cards that appeared (numbered, with the agent's answer), and
 * the same story as text for screen readers and for anyone who prefers words.
 */
export interface TimelineChange {
  cue: Cue;
  to: CueState;
  at: Seconds;
}

export interface TimelineCard {
  seq: number;
  title: string;
  shownAt: Seconds;
  helpful?: boolean;
}

interface Props {
  duration: Seconds;
  changes: readonly TimelineChange[];
  cards: readonly TimelineCard[];
  moments?: readonly Seconds[];
}

const W = 340;
const LEFT = 64;
const RIGHT = 44;
const CARD_ROW = 16;
const LANE = 22;
const GAP = 4;
const AXIS = 14;
const H = CARD_ROW + CUES.length * (LANE + GAP) + AXIS;

function steps(changes: readonly TimelineChange[], cue: Cue): { at: Seconds; state: CueState }[] {
  return [{ at: 0, state: 'calm' as CueState }, ...changes.filter((c) => c.cue === cue).map((c) => ({ at: c.at, state: c.to }))];
}

function peak(changes: readonly TimelineChange[], cue: Cue): CueState {
  return steps(changes, cue).reduce<CueState>((p, s) => (stateRank(s.state) > stateRank(p) ? s.state : p), 'calm');
}

function answerWord(helpful: boolean | undefined): string {
  if (helpful === true) return 'marked helpful';
  if (helpful === false) return 'marked not helpful';
  return 'not marked';
}

export function timelineText(props: Props): string[] {
  const items: { at: Seconds; text: string }[] = [
    ...props.changes.map((c) => ({ at: c.at, text: `${CUE_WORDS[c.cue]} went to ${c.to}` })),
    ...props.cards.map((c) => ({ at: c.shownAt, text: `Card ${c.seq + 1}: ${c.title}, ${answerWord(c.helpful)}` })),
    ...(props.moments ?? []).map((at) => ({ at, text: 'You marked this moment' })),
  ];
  items.sort((a, b) => a.at - b.at);
  return items.map((i) => `${callClock(i.at)} ${i.text}`);
}

export function Timeline(props: Props) {
  const { changes, cards, moments = [] } = props;
  const lastEvent = Math.max(0, ...changes.map((c) => c.at), ...cards.map((c) => c.shownAt), ...moments);
  const duration = Math.max(props.duration, lastEvent, 1);
  const x = (t: Seconds) => LEFT + (Math.min(t, duration) / duration) * (W - LEFT - RIGHT);
  const maxRank = CUE_STATES.length - 1;
  const helpfulCount = cards.filter((c) => c.helpful === true).length;
  const peaks = CUES.map((cue) => `${CUE_WORDS[cue].toLowerCase()} ${peak(changes, cue)}`).join(', ');
  const label = `Call timeline, ${callClock(duration)} long. Highest: ${peaks}. ${cards.length} card${cards.length === 1 ? '' : 's'}, ${helpfulCount} marked helpful.`;
  const text = timelineText({ ...props, duration });

  return (
    <figure className="timeline" data-testid="timeline">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label}>
        {cards.map((card) => (
          <g key={`card-${card.seq}`} className={`timeline-card${card.helpful === true ? ' is-helpful' : card.helpful === false ? ' is-unhelpful' : ''}`}>
            <line x1={x(card.shownAt)} x2={x(card.shownAt)} y1={CARD_ROW - 2} y2={H - AXIS} className="timeline-card-line" />
            <text x={x(card.shownAt)} y={CARD_ROW - 5} textAnchor="middle" className="timeline-card-label">
              {card.seq + 1}
              {card.helpful === true ? '✓' : card.helpful === false ? '✗' : ''}
            </text>
          </g>
        ))}
        {moments.map((at, i) => (
          <text key={`m-${i}`} x={x(at)} y={CARD_ROW - 5} textAnchor="middle" className="timeline-moment">
            ◆
          </text>
        ))}
        {CUES.map((cue, lane) => {
          const top = CARD_ROW + lane * (LANE + GAP);
          const base = top + LANE;
          const y = (state: CueState) => base - (stateRank(state) / maxRank) * (LANE - 2);
          const s = steps(changes, cue);
          let d = `M ${x(0)} ${base}`;
          for (let i = 0; i < s.length; i++) {
            const step = s[i]!;
            const next = s[i + 1]?.at ?? duration;
            d += ` L ${x(step.at)} ${y(step.state)} L ${x(next)} ${y(step.state)}`;
          }
          d += ` L ${x(duration)} ${base} Z`;
          const top_ = peak(changes, cue);
          return (
            <g key={cue} className={`timeline-lane cue-${cue}`}>
              <rect x={LEFT} y={top} width={W - LEFT - RIGHT} height={LANE} className="timeline-lane-bg" />
              <path d={d} className="timeline-area" />
              <text x={LEFT - 6} y={base - 6} textAnchor="end" className="timeline-cue">
                {CUE_WORDS[cue]}
              </text>
              <text x={W - RIGHT + 4} y={base - 6} className={`timeline-peak state-${top_}`}>
                {top_}
              </text>
            </g>
          );
        })}
        <text x={LEFT} y={H - 2} className="timeline-axis">
          0:00
        </text>
        <text x={W - RIGHT} y={H - 2} textAnchor="end" className="timeline-axis">
          {callClock(duration)}
        </text>
      </svg>
      <figcaption className="timeline-caption">
        {cards.length > 0 ? (
          <ol className="timeline-cards">
            {cards.map((card) => (
              <li key={card.seq}>
                <span className="timeline-num">{card.seq + 1}</span> {card.title} <span className="muted">({callClock(card.shownAt)}, {answerWord(card.helpful)})</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No cards appeared on this call.</p>
        )}
        <details>
          <summary>Timeline as text</summary>
          {text.length ? (
            <ol className="timeline-text">
              {text.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          ) : (
            <p>Every cue stayed calm.</p>
          )}
        </details>
      </figcaption>
    </figure>
  );
}
