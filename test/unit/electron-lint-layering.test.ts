import { describe, it, expect, beforeAll } from 'vitest';
import { ESLint } from 'eslint';

/** The process boundaries live in eslint.config.js; this proves each rule fires where it should. */
describe('lint layering rules', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: process.cwd() });
  });

  async function ruleIds(code: string, filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.map((m) => m.ruleId ?? 'fatal');
  }

  it('keeps Electron and Node built-ins out of shared/', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'shared/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { join } from 'node:path';\nexport const j = join;\n", 'shared/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { readFileSync } from 'fs';\nexport const r = readFileSync;\n", 'shared/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { z } from 'zod';\nexport const s = z.string();\n", 'shared/probe.ts')).toEqual([]);
  });

  it('keeps main/, preload/, Electron and Node out of the renderer', async () => {
    const file = 'renderer/src/probe.ts';
    expect(await ruleIds("import { createAppServices } from '../../main/services/app-services';\nexport const c = createAppServices;\n", file)).toContain('no-restricted-imports');
    expect(await ruleIds("import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", file)).toContain('no-restricted-imports');
    expect(await ruleIds("import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", file)).toContain('no-restricted-imports');
    expect(await ruleIds("import { WS_PATH } from '../../shared/ipc/wire';\nexport const p = WS_PATH;\n", file)).toEqual([]);
  });

  it('bans shell.openExternal outside the one wrapper', async () => {
    const code = "import { shell } from 'electron';\nvoid shell.openExternal('https://x.example');\n";
    expect(await ruleIds(code, 'main/electron/window.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds("import { shell } from 'electron';\nconst { openExternal } = shell;\nvoid openExternal('x');\n", 'main/probe.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds("import * as electron from 'electron';\nvoid electron.shell.openExternal('x');\n", 'main/probe.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds(code, 'main/electron/open-external.ts')).toEqual([]);
  });
});
