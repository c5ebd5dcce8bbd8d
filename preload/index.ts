import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bindApi, EVENTS, INVOKE } from './contract';

/**
 * Only wrapped functions cross the bridge; ipcRenderer itself never does, and
 * a listener never sees the IPC event, which would hand the page a route to it.
 */
const api = bindApi({
  invoke: (method, args) => ipcRenderer.invoke(INVOKE[method].channel, ...args),
  subscribe: (event, listener) => {
    const channel = EVENTS[event].channel;
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('steady', api);
