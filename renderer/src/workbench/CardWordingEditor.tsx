import { useId, useState } from 'react';
import { CARD_IDS, CARD_TEXT, type CardId } from '@core/cards';
import { callStartSettings, clearAfterCalmSeconds, type CallStartSettings, type Profile } from '@core/profile';

type Override = NonNullable<Profile['cards']['overrides'][CardId]>;

interface Props {
  profile: Profile;
  onChange: (profile: Profile) => void;
}

/**
 * The organisation's own script lines per card. An empty field keeps
 * Steady's wording, shown as the placeholder so the supervisor sees what
 * they are replacing.
 */
export function CardWordingEditor({ profile, onChange }: Props) {
  const [cardId, setCardId] = useState<CardId>('boundary');
  const ids = { card: useId(), title: useId(), say: useId(), avoid: useId(), breathe: useId(), policy: useId(), lineName: useId(), linePhone: useId() };
  const base = CARD_TEXT[cardId];
  const override: Override = profile.cards.overrides[cardId] ?? {};

  function setOverride(next: Override) {
    const clean: Override = {};
    if (next.title?.trim()) clean.title = next.title;
    if (next.say && next.say.some((l) => l.trim())) clean.say = next.say.filter((l) => l.trim()).slice(0, 3);
    if (next.avoid?.trim()) clean.avoid = next.avoid;
    if (next.breathe?.trim()) clean.breathe = next.breathe;
    const overrides = { ...profile.cards.overrides };
    if (Object.keys(clean).length === 0) delete overrides[cardId];
    else overrides[cardId] = clean;
    onChange({ ...profile, cards: { ...profile.cards, overrides } });
  }

  const sayLines = [0, 1, 2].map((i) => override.say?.[i] ?? '');
  const customised = Object.keys(profile.cards.overrides);

  return (
    <section className="wb-panel" aria-labelledby="wb-cards-h">
      <h2 id="wb-cards-h">Your organisation’s wording</h2>
      <div className="wb-field">
        <label htmlFor={ids.lineName}>Crisis line name</label>
        <input
          id={ids.lineName}
          value={profile.cards.crisisLine.name}
          maxLength={120}
          onChange={(e) => onChange({ ...profile, cards: { ...profile.cards, crisisLine: { ...profile.cards.crisisLine, name: e.target.value } } })}
        />
        <label htmlFor={ids.linePhone}>Crisis line number</label>
        <input
          id={ids.linePhone}
          value={profile.cards.crisisLine.phone}
          maxLength={40}
          inputMode="tel"
          onChange={(e) => onChange({ ...profile, cards: { ...profile.cards, crisisLine: { ...profile.cards.crisisLine, phone: e.target.value } } })}
        />
      </div>
      <OtherCrisisLines profile={profile} onChange={onChange} />
      <CallStartEditor profile={profile} onChange={onChange} />
      <div className="wb-field-stack">
        <label htmlFor={ids.policy}>Abuse policy (shown on the policy card)</label>
        <textarea id={ids.policy} rows={3} maxLength={400} value={profile.cards.abusePolicy} onChange={(e) => onChange({ ...profile, cards: { ...profile.cards, abusePolicy: e.target.value } })} />
      </div>
      <h3>Script lines</h3>
      <div className="wb-field">
        <label htmlFor={ids.card}>Card</label>
        <select id={ids.card} value={cardId} onChange={(e) => setCardId(e.target.value as CardId)}>
          {CARD_IDS.map((id) => (
            <option key={id} value={id}>
              {CARD_TEXT[id].title}
              {profile.cards.overrides[id] ? ' (customised)' : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="wb-field">
        <label htmlFor={ids.title}>Title</label>
        <input id={ids.title} maxLength={80} placeholder={base.title} value={override.title ?? ''} onChange={(e) => setOverride({ ...override, title: e.target.value })} />
        {sayLines.map((line, i) => (
          <div key={i} className="wb-field">
            <label htmlFor={`${ids.say}-${i}`}>Say, line {i + 1}</label>
            <input
              id={`${ids.say}-${i}`}
              maxLength={200}
              placeholder={base.say[i] ?? ''}
              value={line}
              onChange={(e) => setOverride({ ...override, say: sayLines.map((l, k) => (k === i ? e.target.value : l)) })}
            />
          </div>
        ))}
        <label htmlFor={ids.avoid}>Avoid</label>
        <input id={ids.avoid} maxLength={200} placeholder={base.avoid} value={override.avoid ?? ''} onChange={(e) => setOverride({ ...override, avoid: e.target.value })} />
        <label htmlFor={ids.breathe}>Breathe</label>
        <input id={ids.breathe} maxLength={200} placeholder={base.breathe} value={override.breathe ?? ''} onChange={(e) => setOverride({ ...override, breathe: e.target.value })} />
      </div>
      <p className="muted small">
        {customised.length === 0 ? 'Every card uses Steady’s wording.' : `Customised: ${customised.length} ${customised.length === 1 ? 'card' : 'cards'}.`} Empty fields keep Steady’s
        wording.{' '}
        {profile.cards.overrides[cardId] && (
          <button type="button" className="link" onClick={() => setOverride({})}>
            Use Steady’s wording for this card
          </button>
        )}
      </p>
    </section>
  );
}

const MAX_OTHER_LINES = 4;

/** Further numbers for the safety card, after the main crisis line: out-of-hours, specialist services. */
function OtherCrisisLines({ profile, onChange }: Props) {
  const base = useId();
  const lines = profile.cards.otherCrisisLines ?? [];
  const save = (next: { name: string; phone: string }[]) =>
    onChange({ ...profile, cards: { ...profile.cards, otherCrisisLines: next.length > 0 ? next : undefined } });
  const edit = (index: number, change: Partial<{ name: string; phone: string }>) =>
    save(lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  return (
    <fieldset className="wb-field-stack wb-other-lines">
      <legend>Other numbers on the safety card</legend>
      {lines.length === 0 ? <p className="muted small">None: the card shows the crisis line above.</p> : null}
      {lines.map((line, i) => (
        <div className="wb-field" key={i} data-testid="other-crisis-line">
          <label htmlFor={`${base}-name-${i}`}>Name</label>
          <input id={`${base}-name-${i}`} value={line.name} maxLength={120} onChange={(e) => edit(i, { name: e.target.value })} />
          <label htmlFor={`${base}-phone-${i}`}>Number</label>
          <input id={`${base}-phone-${i}`} value={line.phone} maxLength={40} inputMode="tel" onChange={(e) => edit(i, { phone: e.target.value })} />
          <button type="button" onClick={() => save(lines.filter((_, j) => j !== i))} aria-label={`Remove ${line.name || 'this number'}`}>
            Remove
          </button>
        </div>
      ))}
      {lines.length < MAX_OTHER_LINES ? (
        <button type="button" onClick={() => save([...lines, { name: 'Another line', phone: '' }])}>
          Add a number
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * Telling the caller (the organisation's own words), the welcome card, and how long a card stays once its
 * cue is calm. Checked with the rest of the profile when it is exported.
 */
function CallStartEditor({ profile, onChange }: Props) {
  const ids = { line: useId(), welcome: useId(), notes: useId(), clear: useId(), hint: useId() };
  const settings = callStartSettings(profile);
  const set = (patch: Partial<CallStartSettings>) => onChange({ ...profile, callStart: { ...settings, ...patch } });
  const empty = settings.disclosure.trim() === '';
  return (
    <div className="wb-field-stack" data-testid="wb-call-start">
      <label htmlFor={ids.line}>Telling the caller (shown on the welcome card, with a “said it” tick)</label>
      <textarea
        id={ids.line}
        rows={3}
        maxLength={300}
        value={settings.disclosure}
        aria-invalid={empty}
        aria-describedby={ids.hint}
        onChange={(e) => set({ disclosure: e.target.value })}
      />
      <p id={ids.hint} className={empty ? 'wb-error' : 'muted small'}>
        {empty ? 'Write the line agents say to the caller: the profile cannot be exported without it.' : 'People must be told when a tool infers their emotions (EU AI Act, Art. 50(3)).'}
      </p>
      <label>
        <input type="checkbox" id={ids.welcome} checked={settings.welcomeCard} onChange={(e) => set({ welcomeCard: e.target.checked })} /> Show the welcome card at the start of each call
      </label>
      <label>
        <input type="checkbox" id={ids.notes} checked={settings.transcriptWhilePaused} onChange={(e) => set({ transcriptWhilePaused: e.target.checked })} /> Keep the transcript for the agent’s notes when the caller asks for cues to stop
      </label>
      <div className="wb-field">
        <label htmlFor={ids.clear}>A card stays once its cue is calm for (seconds)</label>
        <input
          id={ids.clear}
          type="number"
          min={0}
          max={600}
          step={1}
          value={clearAfterCalmSeconds(profile)}
          onChange={(e) => onChange({ ...profile, alerts: { ...profile.alerts, clearAfterCalmSeconds: Number(e.target.value) } })}
        />
      </div>
    </div>
  );
}
