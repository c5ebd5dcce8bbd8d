import type { StorageProblem } from './errors';
import { useServices } from '../ServicesProvider';
import { useStore } from '../store';

/** A storage problem in plain words. Shows the app-wide problem unless given a local one. */
export function StorageNotice({ problem }: { problem?: StorageProblem | null }) {
  const shared = useStore(useServices().db.problems);
  const shown = problem === undefined ? shared : problem;
  if (!shown) return null;
  return (
    <div className="storage-notice" role="alert">
      <strong>Not saved. </strong>
      {shown.message}
    </div>
  );
}
