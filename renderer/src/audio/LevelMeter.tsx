import type { ChannelStatus } from './liveAudio';
import { meterFraction } from './describe';

const CONDITION_WORDS: Record<ChannelStatus['condition'], string> = {
  off: 'Not listening',
  ok: 'Listening',
  silent: 'No sound',
  lost: 'Input lost',
  failed: 'Could not open',
};

/** Level bar with its state in words, so it never relies on colour or motion alone. */
export function LevelMeter({ name, status }: { name: string; status: ChannelStatus }) {
  const fraction = status.condition === 'ok' || status.condition === 'silent' ? meterFraction(status.level) : 0;
  const db = Math.round(status.level);
  const hearing = status.condition === 'ok' && status.level > -55;
  const words = status.condition === 'ok' ? (hearing ? 'Hearing sound' : 'Quiet') : CONDITION_WORDS[status.condition];
  return (
    <div className="level" data-condition={status.condition}>
      <div
        className="level-bar"
        role="meter"
        aria-label={`${name} level`}
        aria-valuemin={-60}
        aria-valuemax={0}
        aria-valuenow={Math.max(-60, Math.min(0, db))}
        aria-valuetext={`${words}, ${db <= -100 ? 'silent' : `${db} dB`}`}
        data-level={db}
      >
        <span className="level-fill" style={{ width: `${Math.round(fraction * 100)}%` }} />
      </div>
      <span className="level-words">{words}</span>
    </div>
  );
}
