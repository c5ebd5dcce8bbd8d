import type { CommandLine } from 'electron';
import { buildFeatureFlags, featureSwitchKey } from 'electron-audio-loopback/dist/config.js';

/**
 * System-audio loopback (the caller's side of the softphone) on all three
 * platforms: Chromium features that electron-audio-loopback keeps the list of
 * (PulseAudio/PipeWire monitor on Linux, ScreenCaptureKit on macOS; Windows
 * needs none). Must run before the app is ready. We take only the flag list
 * from the package, not its initMain(): that registers IPC handlers outside
 * our channel registry, without sender checks, and the display-media handler
 * here is ours (main/security/session.ts) so it can apply the permission policy.
 */
export function enableSystemAudioLoopback(commandLine: Pick<CommandLine, 'hasSwitch' | 'getSwitchValue' | 'removeSwitch' | 'appendSwitch'>): void {
  const others = commandLine.hasSwitch(featureSwitchKey)
    ? commandLine
        .getSwitchValue(featureSwitchKey)
        .split(',')
        .filter((feature) => feature !== '')
    : [];
  if (commandLine.hasSwitch(featureSwitchKey)) commandLine.removeSwitch(featureSwitchKey);
  commandLine.appendSwitch(featureSwitchKey, buildFeatureFlags({ otherEnabledFeatures: others, forceCoreAudioTap: false }));
}
