import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc/build-api';
import { electronTransport } from './ipc-transport';

// The page's only way to main: one typed object, generated from the contract. No ipcRenderer,
// no generic send, no Node.
const { invoke, subscribe } = electronTransport(ipcRenderer);
contextBridge.exposeInMainWorld('api', buildApi(invoke, subscribe));
