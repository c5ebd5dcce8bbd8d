import { useRef } from 'react';
import { OverlayWindowControls } from '../api/OverlayWindowControls';
import { ShortcutTrouble } from '../api/ShortcutSettings';
import { BetweenCalls } from '../care/BetweenCalls';
import type { AppCommand } from '../commands';
import { callStartSettings } from '@core/profile';
import type { Profile } from '@core/profile';
import { ProfileBadge } from '../profile/ProfileBadge';
import { onScreenRecord } from '../session/onScreenCard';
import { CallSavingNotice } from '../storage/CallSavingNotice';
import type { CallSessionSnapshot, ShownCardRecord } from '../session/types';
import { CardView } from './CardView';
import { CueMeters } from './CueMeters';
import { ListeningNotice } from './ListeningNotice';
import { clockText } from './format';
import { ReplayPanel } from './ReplayPanel';
import { ShortcutHelp } from './ShortcutHelp';
import { PAUSE_CUES_KEYS, START_END_CALL_KEYS } from './shortcuts';
import { Transcript } from './Transcript';
import { useFocusWhenLost } from './focusWhenLost';
import './overlay.css';

function isSafetyCard(record: ShownCardRecord | null): boolean {
  if (!record) return false;
  const { card, reason } = record.shown;
  return card.id === 'safety' || (reason.kind === 'cue' && reason.cue === 'safety');
}

/** Telling the caller, and stopping the cues if they object: always within reach during a call. */
function CallerControls({ snapshot, onCommand }: { snapshot: CallSessionSnapshot; onCommand: (command: AppCommand) => void }) {
  if (snapshot.status !== 'live') return null;
  const said = snapshot.disclosedAt ?? null;
  const paused = snapshot.cuesPausedAt ?? null;
  return (
    <div className="caller-controls" data-testid="caller-controls">
      {said === null ? (
        <button type="button" onClick={() => onCommand('disclosure:said')} data-testid="disclosure-tick">
          I told the caller
        </button>
      ) : (
        <p className="caller-told" data-testid="caller-told">
          ✓ Caller told at {clockText(said)}
        </p>
      )}
      {paused === null ? (
        <button type="button" onClick={() => onCommand('cues:pause')} title={PAUSE_CUES_KEYS} data-testid="pause-cues">
          Turn cues off <kbd>{PAUSE_CUES_KEYS}</kbd>
        </button>
      ) : null}
    </div>
  );
}

function statusWords(snapshot: CallSessionSnapshot): string {
  if (snapshot.status === 'live') return `On a call · ${clockText(snapshot.clock)}`;
  if (snapshot.status === 'ended') return 'Call ended';
  return 'No call';
}

export interface OverlayViewProps {
  snapshot: CallSessionSnapshot;
  /** The active profile: the meters' thresholds and the welcome card's disclosure line. */
  profile: Profile;
  /** Compact keeps only what a live call needs at a glance: status, card and meters. */
  compact: boolean;
  /** Every button raises the same command as its key. */
  onCommand: (command: AppCommand) => void;
}

/** The call view itself: props in, commands out (OverlayConnected.tsx reads the services for it). */
export function OverlayView({ snapshot, profile, compact, onCommand }: OverlayViewProps) {
  const live = snapshot.status === 'live';
  const record = onScreenRecord(snapshot);
  const safety = isSafetyCard(record);
  const moments = snapshot.moments?.length ?? 0;
  const callButton = useRef<HTMLButtonElement>(null);
  useFocusWhenLost(callButton, snapshot.status === 'ended', snapshot.callId);

  return (
    <section className="overlay" aria-label="Call assist" data-status={snapshot.status} data-mode={compact ? 'compact' : 'expanded'}>
      {/* The page's one top-level heading, for screen readers' heading navigation; the small window has no room to show it. */}
      <h1 className="sr-only">Steady call assist</h1>
      {/* The frameless desktop window is moved by this header; its buttons stay clickable. */}
      <header className="overlay-head" data-drag-handle>
        <p className="call-status" data-testid="call-status" data-status={snapshot.status}>
          <span className="call-dot" aria-hidden="true" />
          {statusWords(snapshot)}
        </p>
        <button ref={callButton} type="button" className={live ? 'call-end' : 'call-start'} onClick={() => onCommand('call:toggle')} title={START_END_CALL_KEYS}>
          {live ? 'End call' : 'Start call'}
        </button>
        <ShortcutHelp />
      </header>
      <div className="call-meta">
        {snapshot.title ? <p className="call-title">{snapshot.title}</p> : null}
        <ProfileBadge />
      </div>
      <ListeningNotice snapshot={snapshot} />
      {live ? null : <ShortcutTrouble />}
      {live && moments > 0 ? (
        <p className="call-moments" data-testid="moments">
          {moments === 1 ? '1 moment marked' : `${moments} moments marked`} for after the call
        </p>
      ) : null}

      <CallerControls snapshot={snapshot} onCommand={onCommand} />
      <CueMeters cues={snapshot.update.cues} thresholds={profile.thresholds} shown={live ? snapshot.shownStates : undefined} paused={live && snapshot.cuesPausedAt != null} ended={snapshot.status === 'ended'} />

      {/* The stage keeps its height for the whole call, so the transcript below never jumps when a card comes or goes. */}
      <div className="card-stage" data-testid="card-stage" data-empty={record ? 'false' : 'true'} hidden={!live}>
        {/* Two live regions, always present, so a screen reader hears new cards: safety at once, others politely. */}
        <div className="card-slot card-slot-safety" aria-live="assertive" data-testid="safety-slot">
          {record && safety ? <CardView record={record} live={live} collapsed={snapshot.safetyCollapsed ?? false} onCommand={onCommand} /> : null}
        </div>
        <div className="card-slot" aria-live="polite" data-testid="card-slot">
          {record && !safety ? (
            <CardView
              record={record}
              live={live}
              onCommand={onCommand}
              shownStates={snapshot.shownStates}
              pinned={snapshot.cardPinned ?? false}
              disclosure={record.shown.reason.kind === 'call-start' ? { line: callStartSettings(profile).disclosure, said: snapshot.disclosedAt != null } : undefined}
            />
          ) : null}
        </div>
        {record ? null : (
          <p className="card-stage-empty">{snapshot.cuesPausedAt != null ? 'No cards: cues are paused for this call.' : 'No card now. One appears here when the customer needs it.'}</p>
        )}
      </div>
      {/* Below the card and meters: the call comes first, and a saving problem should not push the card down. */}
      <CallSavingNotice />
      {snapshot.status === 'idle' || compact ? null : <Transcript lines={snapshot.lines} />}

      {!live ? (
        <div className="between-calls" data-testid="between-calls">
          <BetweenCalls />
        </div>
      ) : null}
      {compact && live ? null : <ReplayPanel />}
      <OverlayWindowControls />
    </section>
  );
}
