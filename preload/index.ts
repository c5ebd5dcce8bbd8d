import { contextBridge, ipcRenderer } from 'electron';
import type { SteadyApi } from './api';

/** Only wrapped functions cross the bridge; ipcRenderer itself never does. */
const api: SteadyApi = {
  getAppInfo: () => ipcRenderer.invoke('app:info'),
};

contextBridge.exposeInMainWorld('steady', api);
