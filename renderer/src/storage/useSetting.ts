import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../ServicesProvider';
import { describeStorageError, type StorageProblem } from './errors';
import { readSetting, settingDefault, writeSetting, type SettingKey, type Settings } from './settings';

/**
 * One setting, loaded from the database, with a save that reports its own
 * problem. Every hook instance re-reads when any of them saves (services.settingChanges).
 */
export function useSetting<K extends SettingKey>(key: K) {
  const { db, settingChanges } = useServices();
  const [value, setValue] = useState<Settings[K]>(() => settingDefault(key));
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<StorageProblem | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      readSetting(db, key).then(
        (v) => {
          if (!live) return;
          setValue(v);
          setLoaded(true);
        },
        (error: unknown) => live && setProblem(describeStorageError(error, 'loading your settings')),
      );
    void load();
    const off = settingChanges.subscribe(() => void load());
    return () => {
      live = false;
      off();
    };
  }, [key]);

  const save = useCallback(
    async (next: Settings[K]): Promise<boolean> => {
      try {
        await writeSetting(db, key, next);
        setProblem(null);
        settingChanges.notify();
        return true;
      } catch (error) {
        setProblem(describeStorageError(error, 'saving your settings'));
        return false;
      }
    },
    [key],
  );

  return { value, loaded, problem, save };
}
