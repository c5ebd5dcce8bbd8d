import type { SingleInput } from './devices';
import { useServices } from '../ServicesProvider';

const CHOICES: ReadonlyArray<{ value: SingleInput; label: string }> = [
  { value: 'off', label: 'Not confirmed: I will choose a different input for the caller or for me' },
  { value: 'agent', label: 'I use one input for both sides. Treat everything it hears as my words: nothing is scored as the caller’s' },
  { value: 'customer', label: 'I use one input, and it hears only the caller (for example a line feed). Score it as the caller’s' },
];

/**
 * Caller and You set to the same input: says what that would do (the agent's
 * own words scored as the caller's) and holds listening back until the inputs
 * differ or the agent confirms a one-input set-up and says whose words it hears.
 */
export function SameInputNotice({ deviceLabel, single, disabled }: { deviceLabel: string; single: SingleInput; disabled: boolean }) {
  const { liveAudio } = useServices();
  return (
    <section className="same-input" aria-labelledby="same-input-heading" data-testid="same-input" data-single={single}>
      <h2 id="same-input-heading">Caller and You are the same input</h2>
      <p role={single === 'off' ? 'alert' : undefined}>
        Both are set to “{deviceLabel}”. That one input hears you as well as the caller, so Steady would read your own words as the caller’s and
        could show cards about what you said. {single === 'off' ? 'Steady will not start listening until you choose a different input for one of them, or confirm below that you use a single input.' : 'Confirmed: Steady listens to this one input as chosen below.'}
      </p>
      <fieldset disabled={disabled}>
        <legend>One input for both sides</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input type="radio" name="single-input" value={choice.value} checked={single === choice.value} onChange={() => liveAudio.chooseSingleInput(choice.value)} />
            {choice.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
