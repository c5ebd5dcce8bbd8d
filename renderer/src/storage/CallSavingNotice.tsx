import { useServices } from '../ServicesProvider';
import { useStore } from '../store';
import type { CallSaving } from './callSaving';
import type { StorageProblem } from './errors';

/** Why the call is not being saved, in a few calm words. */
function reason(problem: StorageProblem): { why: string; until: string } {
  switch (problem.kind) {
    case 'quota':
      return { why: 'the disk is full', until: 'It will be saved when space is free.' };
    case 'blocked':
      return { why: 'another Steady window or tab is holding your saved calls open', until: 'It will be saved once that window or tab is closed.' };
    case 'newer-version':
      return { why: 'your saved calls belong to a newer version of Steady', until: 'Update Steady and it will be saved.' };
    case 'unavailable':
      return { why: 'this window cannot use local storage', until: 'Steady keeps trying.' };
    default:
      return { why: 'the local database is not answering', until: 'Steady keeps trying, and will save it as soon as it can.' };
  }
}

export function callSavingWords(saving: CallSaving, problem: StorageProblem | null): string | null {
  if (problem) {
    const { why, until } = reason(problem);
    const kept =
      saving.kept === 'backup'
        ? 'Your call is kept in memory and in a backup on this computer.'
        : 'Your call is kept in memory only (the backup is full too), so keep Steady open until it is saved.';
    return `Not saving right now: ${why}. ${kept} ${until}`;
  }
  if (saving.rewritten) return 'Your saved calls were deleted from outside Steady during this call. This call was kept, and it has been saved again.';
  return null;
}

/** The overlay's notice while a call cannot be saved. Quiet when all is well. */
export function CallSavingNotice() {
  const { callSaving, db } = useServices();
  const saving = useStore(callSaving);
  const shared = useStore(db.problems);
  // A blocked database makes writes wait rather than fail, so the recorder hears nothing; the connection does.
  const problem = saving.problem ?? (shared?.kind === 'blocked' && saving.unsavedCalls > 0 ? shared : null);
  const words = callSavingWords(saving, problem);
  if (!words) return null;
  return (
    <p className="call-saving" role="status" data-testid="call-saving" data-kind={problem?.kind ?? 'rewritten'}>
      {words}
    </p>
  );
}
