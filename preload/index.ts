import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { SteadyApi } from './api';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventChannel, type EventContract, type InvokeChannel, type InvokeContract } from './channels';

/** Only wrapped functions cross the bridge; ipcRenderer itself never does. */
function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeContract[C]['args']): Promise<InvokeContract[C]['result']> {
  return ipcRenderer.invoke(channel, ...args) as Promise<InvokeContract[C]['result']>;
}

/** The listener never sees the IPC event, which would hand the page a route to ipcRenderer. */
function subscribe<C extends EventChannel>(channel: C, listener: (payload: EventContract[C]) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: EventContract[C]) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api: SteadyApi = {
  getAppInfo: () => invoke(INVOKE_CHANNELS.appInfo),
  getOverlayState: () => invoke(INVOKE_CHANNELS.overlayGetState),
  setOverlayMode: (mode) => invoke(INVOKE_CHANNELS.overlaySetMode, mode),
  setOverlayOpacity: (opacity) => invoke(INVOKE_CHANNELS.overlaySetOpacity, opacity),
  setClickThrough: (enabled) => invoke(INVOKE_CHANNELS.overlaySetClickThrough, enabled),
  onOverlayState: (listener) => subscribe(EVENT_CHANNELS.overlayState, listener),
  openView: (view) => invoke(INVOKE_CHANNELS.viewOpen, view),
  getShortcuts: () => invoke(INVOKE_CHANNELS.shortcutsGet),
  setShortcuts: (bindings) => invoke(INVOKE_CHANNELS.shortcutsSet, bindings),
  setCaptureEnabled: (enabled) => invoke(INVOKE_CHANNELS.captureSetEnabled, enabled),
  getModelBaseUrl: () => invoke(INVOKE_CHANNELS.modelBaseUrl),
  listModels: () => invoke(INVOKE_CHANNELS.modelList),
  downloadModel: (modelId) => invoke(INVOKE_CHANNELS.modelDownload, modelId),
  cancelModelDownload: () => invoke(INVOKE_CHANNELS.modelCancel),
  chooseModelFile: () => invoke(INVOKE_CHANNELS.modelChooseFile),
  onModelProgress: (listener) => subscribe(EVENT_CHANNELS.modelProgress, listener),
  openExternal: (url) => invoke(INVOKE_CHANNELS.externalOpen, url),
  onCommand: (listener) => subscribe(EVENT_CHANNELS.command, listener),
};

contextBridge.exposeInMainWorld('steady', api);
