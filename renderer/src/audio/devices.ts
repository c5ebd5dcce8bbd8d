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

/**
 * Whether the inputs are set up for a call started from the overlay or a shortcut:
 * the caller's side is the system's sound, or an input other than the agent's
 * microphone. Both on the same input would hear the agent as the caller.
 */
export function inputsChosen(choices: DeviceChoices): boolean {
  return choices.customer === LOOPBACK_DEVICE || choices.customer !== choices.agent;
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
