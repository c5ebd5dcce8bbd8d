import type { Speaker } from '@core/cues';

/**
 * Which input feeds each channel, remembered between runs. The customer's
 * side is the softphone's output: system loopback in Electron, or any input
 * the user picks (a PulseAudio/PipeWire monitor source, a virtual cable).
 */
export const LOOPBACK_DEVICE = 'system-loopback';
/** The system's default input. */
export const DEFAULT_DEVICE = 'default';

export type DeviceChoices = Record<Speaker, string>;

const STORAGE_KEY = 'steady.audio.devices.v1';

export function loopbackAvailable(): boolean {
  // Loopback needs main's display-media handler, which only the Electron shell has.
  return typeof window !== 'undefined' && window.steady !== undefined;
}

export function loadDeviceChoices(): DeviceChoices {
  const fallback: DeviceChoices = { customer: loopbackAvailable() ? LOOPBACK_DEVICE : DEFAULT_DEVICE, agent: DEFAULT_DEVICE };
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return fallback;
    const parsed = JSON.parse(raw) as Partial<DeviceChoices>;
    const pick = (value: unknown, otherwise: string) => (typeof value === 'string' && value ? value : otherwise);
    const customer = pick(parsed.customer, fallback.customer);
    return { customer: customer === LOOPBACK_DEVICE && !loopbackAvailable() ? DEFAULT_DEVICE : customer, agent: pick(parsed.agent, fallback.agent) };
  } catch {
    return fallback; // storage blocked or damaged: start from defaults, do not fail the view
  }
}

/** Caller and You on one input: that input would hear the agent as the caller. */
export function sameInput(choices: DeviceChoices): boolean {
  return choices.customer !== LOOPBACK_DEVICE && choices.customer === choices.agent;
}

/**
 * A set-up with one input for both sides, which the agent has confirmed:
 * 'off' (two inputs), or whose words that one input is taken to be. 'agent'
 * (the default when confirming) means nothing it hears is scored as the
 * caller's; 'customer' only when the agent says the input hears the caller.
 */
export type SingleInput = 'off' | Speaker;

const SINGLE_KEY = 'steady.audio.single-input.v1';

export function loadSingleInput(): SingleInput {
  try {
    const raw = localStorage.getItem(SINGLE_KEY);
    return raw === 'agent' || raw === 'customer' ? raw : 'off';
  } catch {
    return 'off';
  }
}

export function saveSingleInput(single: SingleInput): void {
  try {
    if (single === 'off') localStorage.removeItem(SINGLE_KEY);
    else localStorage.setItem(SINGLE_KEY, single);
  } catch {
    /* storage unavailable: the choice lasts for this run only */
  }
}

/**
 * Whether the inputs are set up for listening: the caller's side is the
 * system's sound or an input other than the agent's microphone, or the agent
 * has confirmed a one-input set-up.
 */
export function inputsChosen(choices: DeviceChoices, single: SingleInput = 'off'): boolean {
  return !sameInput(choices) || single !== 'off';
}

/** The channels to open: both, or the one a confirmed one-input set-up feeds. */
export function channelsToOpen(choices: DeviceChoices, single: SingleInput): readonly Speaker[] {
  return sameInput(choices) && single !== 'off' ? [single] : ['customer', 'agent'];
}

export function saveDeviceChoices(choices: DeviceChoices): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(choices));
  } catch {
    /* storage unavailable: the choice lasts for this run only */
  }
}

export interface InputDevice {
  id: string;
  label: string;
}

export async function listInputDevices(): Promise<InputDevice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const all = await navigator.mediaDevices.enumerateDevices();
  let unnamed = 0;
  return all
    .filter((d) => d.kind === 'audioinput' && d.deviceId && d.deviceId !== 'default' && d.deviceId !== 'communications')
    .map((d) => ({ id: d.deviceId, label: d.label || `Input ${++unnamed} (name shown once access is allowed)` }));
}
