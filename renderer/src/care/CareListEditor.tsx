import { useEffect, useId, useState } from 'react';
import { CARE_CATEGORIES, CARE_CATEGORY_LABELS, DEFAULT_CARE_LIST, MAX_CARE_ITEMS, MAX_CARE_ITEM_LENGTH, type CareList } from '@core/reflection';
import { StorageNotice } from '../storage/StorageNotice';
import { useSetting } from '../storage/useSetting';

/**
 * The agent's own self-care list, set up once: small things that bring calm,
 * energy, joy, meaning and connection. Starts from sensible suggestions.
 */
export function CareListEditor({ showHeading = true }: { showHeading?: boolean }) {
  const setting = useSetting('careList');
  const [list, setList] = useState<CareList>(setting.value);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  useEffect(() => setList(setting.value), [setting.value]);

  const edit = (category: keyof CareList, text: string) => {
    setSaved(false);
    setList({ ...list, [category]: text.split('\n') });
  };

  const save = async () => {
    const cleaned = Object.fromEntries(CARE_CATEGORIES.map((c) => [c, list[c].map((s) => s.trim()).filter(Boolean)])) as CareList;
    for (const c of CARE_CATEGORIES) {
      if (cleaned[c].length > MAX_CARE_ITEMS) return setProblem(`${CARE_CATEGORY_LABELS[c]}: keep it to ${MAX_CARE_ITEMS} actions or fewer.`);
      const long = cleaned[c].find((s) => s.length > MAX_CARE_ITEM_LENGTH);
      if (long) return setProblem(`${CARE_CATEGORY_LABELS[c]}: “${long.slice(0, 30)}…” is longer than ${MAX_CARE_ITEM_LENGTH} characters.`);
    }
    setProblem(null);
    if (await setting.save(cleaned)) setSaved(true);
  };

  return (
    <section className="care-list" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className={showHeading ? undefined : 'sr-only'}>
        Your care list
      </h3>
      <p className="muted">One action per line. After a call, Steady offers one of these.</p>
      {CARE_CATEGORIES.map((c) => (
        <label key={c} className="care-list-field">
          <span>{CARE_CATEGORY_LABELS[c]}</span>
          <textarea rows={3} value={list[c].join('\n')} onChange={(e) => edit(c, e.target.value)} />
        </label>
      ))}
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      <StorageNotice problem={setting.problem} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void save()}>
          Save my list
        </button>
        <button type="button" onClick={() => { setList(DEFAULT_CARE_LIST); setSaved(false); }}>
          Start from the suggestions
        </button>
        {saved && <span role="status">Saved.</span>}
      </div>
    </section>
  );
}
