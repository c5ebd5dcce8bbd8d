import { useId, useState, type ReactNode } from 'react';
import type { DataExits } from './dataExits';

/**
 * The agent's two exits, "Export my data" and "Delete everything" (asked
 * twice), wherever they appear: in Your data, and on a view that failed.
 */
export function DataExitButtons({ exits, before }: { exits: DataExits; before?: ReactNode }) {
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  return (
    <>
      <div className="row">
        {before}
        <button type="button" onClick={() => void exits.exportData()}>
          Export my data
        </button>
        {!confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete everything…
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>Delete every call, transcript, reflection and setting Steady kept on this computer? This cannot be undone.</p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void exits.wipe().then((ok) => ok && setConfirming(false))}>
              Yes, delete everything
            </button>
            <button type="button" autoFocus onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </>
  );
}
