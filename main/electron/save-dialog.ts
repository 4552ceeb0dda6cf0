import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { SaveFile } from '../query/export';

/** Exports go through the system save dialog; the renderer never picks a path itself. */
export const saveWithDialog: SaveFile = async ({ defaultName, content, filters }) => {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options = { defaultPath: defaultName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'> };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  await writeFile(result.filePath, content, 'utf8');
  return result.filePath;
};
