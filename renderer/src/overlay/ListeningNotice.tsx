import { listeningNotice } from '../audio/listening';
import { useLiveAudio } from '../ServicesProvider';
import type { CallSessionSnapshot } from '../session/types';

/**
 * During a live call, whether Steady hears it; a replay or practice call needs no audio.
 * It reads live audio itself, so the audio's many updates (levels) repaint only this line.
 */
export function ListeningNotice({ snapshot }: { snapshot: CallSessionSnapshot }) {
  const audio = useLiveAudio();
  const notice = snapshot.status === 'live' && snapshot.source === 'live' ? listeningNotice(audio) : null;
  if (!notice) return null;
  return (
    <p className="listen-notice" role="status" data-testid="listen-notice" data-kind={notice.kind}>
      {notice.text}
      {notice.setup ? <a href="#/audio">Set up audio</a> : null}
    </p>
  );
}
