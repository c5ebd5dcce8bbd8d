import type { AppInfo, InstalledModel, OverlayState, ShortcutBindings, ShortcutReport, SideView } from '../../preload/api';
import { externalUrlProblem } from '../security/external';
import type { InvokeHandlers } from './register';
import { IpcRefusal } from './register';

/** What the handlers need from the running app; index.ts supplies it, tests supply fakes. */
export interface ShellServices {
  version: string;
  systemAudioLoopback: boolean;
  overlay: {
    state(): OverlayState;
    setMode(mode: OverlayState['mode']): OverlayState;
    setOpacity(opacity: number): OverlayState;
    setClickThrough(enabled: boolean): OverlayState;
  };
  openView(view: SideView): void;
  shortcuts: { get(): ShortcutReport; set(bindings: ShortcutBindings): ShortcutReport };
  setCaptureEnabled(enabled: boolean): void;
  models: {
    baseUrl(): string;
    list(): Promise<InstalledModel[]>;
    download(id: string): Promise<InstalledModel>;
    cancel(): void;
    chooseFile(): Promise<InstalledModel | null>;
  };
  openExternal(url: string): Promise<void>;
}

export function buildHandlers(services: ShellServices): InvokeHandlers {
  return {
    'app:info': (): AppInfo => ({ version: services.version, platform: 'electron', systemAudioLoopback: services.systemAudioLoopback }),
    'overlay:get-state': () => services.overlay.state(),
    'overlay:set-mode': (mode) => services.overlay.setMode(mode),
    'overlay:set-opacity': (opacity) => services.overlay.setOpacity(opacity),
    'overlay:set-click-through': (enabled) => services.overlay.setClickThrough(enabled),
    'view:open': (view) => services.openView(view),
    'shortcuts:get': () => services.shortcuts.get(),
    'shortcuts:set': (bindings) => services.shortcuts.set(bindings),
    'capture:set-enabled': (enabled) => services.setCaptureEnabled(enabled),
    'model:base-url': () => services.models.baseUrl(),
    'model:list': () => services.models.list(),
    'model:download': (id) => services.models.download(id),
    'model:cancel': () => services.models.cancel(),
    'model:choose-file': () => services.models.chooseFile(),
    'external:open': async (url) => {
      const problem = externalUrlProblem(url);
      if (problem) throw new IpcRefusal(`external:open: ${problem}`);
      await services.openExternal(url);
    },
  };
}
