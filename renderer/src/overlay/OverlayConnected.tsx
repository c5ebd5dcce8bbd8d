import { useOverlayState } from '../api/useOverlayState';
import { useActiveProfile } from '../profile/useActiveProfile';
import { useCallSession, useServices } from '../ServicesProvider';
import { OverlayView } from './OverlayView';

/** The call view as the app shows it: the session, profile, window mode and command bus read here and handed to the plain view. */
export function OverlayConnected() {
  const snapshot = useCallSession();
  const profile = useActiveProfile();
  const compact = useOverlayState().mode === 'compact';
  const { commands } = useServices();
  return <OverlayView snapshot={snapshot} profile={profile} compact={compact} onCommand={commands.dispatch} />;
}
