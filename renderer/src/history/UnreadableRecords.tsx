import { useState } from 'react';
import { useServices } from '../ServicesProvider';
import { describeStorageError, type StorageProblem } from '../storage/errors';
import { StorageNotice } from '../storage/StorageNotice';
import { deleteUnreadableRows } from '../storage/queries';
import { exportUnreadableRows } from '../storage/unreadable';
import { useStore } from '../store';
import { downloadText } from './download';

const TABLE_WORDS: Record<string, string> = {
  calls: 'a call',
  segments: 'a line of a transcript',
  cueChanges: 'a cue change',
  cards: 'a card',
  reflections: 'a reflection',
};

/** Records that were skipped because they could not be read, with the agent's two choices for them. */
export function UnreadableRecords() {
  const { db } = useServices();
  const rows = useStore(db.unreadable);
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  if (rows.length === 0) return null;
  const one = rows.length === 1;
  const what = [...new Set(rows.map((r) => TABLE_WORDS[r.table] ?? r.table))].join(', ');

  const remove = async () => {
    try {
      await deleteUnreadableRows(db, rows);
      setProblem(null);
      db.changes.announce();
    } catch (error) {
      setProblem(describeStorageError(error, one ? 'deleting the record' : 'deleting the records'));
    }
  };

  return (
    <div className="unreadable" role="status" data-testid="unreadable-records">
      <p>
        <strong>{one ? '1 record could not be read' : `${rows.length} records could not be read`}</strong> ({what}). {one ? 'It is' : 'They are'} left
        out of this page; everything else is shown as usual. You can keep {one ? 'it' : 'them'} as a file, or delete {one ? 'it' : 'them'}.
      </p>
      <div className="row">
        <button type="button" onClick={() => downloadText(`steady-unreadable-${new Date().toISOString().slice(0, 10)}.json`, exportUnreadableRows(rows, Date.now()))}>
          {one ? 'Export it' : 'Export them'}
        </button>
        <button type="button" onClick={() => void remove()}>
          {one ? 'Delete it' : 'Delete them'}
        </button>
      </div>
      <StorageNotice problem={problem} />
    </div>
  );
}
