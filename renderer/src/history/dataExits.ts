import { useState } from 'react';
import { dropAllDrafts } from '../aftercall/draft';
import { useServices } from '../ServicesProvider';
import { describeStorageError, type StorageProblem } from '../storage/errors';
import { dropJournalsExcept } from '../storage/journal';
import { deleteEverything, exportMyData } from '../storage/queries';
import { downloadText } from './download';

/**
 * The agent's two exits, "Export my data" and "Delete everything". They read
 * and clear the tables as they are, with no row checks, so they keep working
 * when a record is damaged or a view has failed.
 */
export type DataExits = ReturnType<typeof useDataExits>;

export function useDataExits(onDeleted?: () => void) {
  const { db, afterCall, reflectionSaves, offers } = useServices();
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const exportData = async (): Promise<void> => {
    try {
      await afterCall.recorder()?.flush().catch(() => undefined);
      const json = await exportMyData(db, Date.now());
      downloadText(`steady-my-data-${new Date().toISOString().slice(0, 10)}.json`, json);
      setProblem(null);
      setStatus('Your data was exported. It includes your reflections: keep the file somewhere private.');
    } catch (error) {
      setProblem(describeStorageError(error, 'exporting your data'));
    }
  };

  const wipe = async (): Promise<boolean> => {
    try {
      await afterCall.recorder()?.flush().catch(() => undefined);
      await deleteEverything(db);
      const live = afterCall.recorder()?.liveCallId();
      dropJournalsExcept(new Set(live ? [live] : []));
      reflectionSaves.dropPending();
      db.unreadable.forget();
      dropAllDrafts();
      offers.clear();
      setProblem(null);
      setStatus('Everything Steady kept on this computer has been deleted.');
      onDeleted?.();
      return true;
    } catch (error) {
      setProblem(describeStorageError(error, 'deleting your data'));
      return false;
    }
  };

  return { exportData, wipe, problem, status };
}
