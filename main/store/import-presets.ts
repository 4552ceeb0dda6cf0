import type { Db } from './db';
import { nowIso } from './db';
import { PresetDefinition } from '../../shared/ipc/channels/import';

/** Saved presets; a row that no longer parses (edited by hand, older app) is skipped, not fatal. */
export function listUserPresets(db: Db): PresetDefinition[] {
  const rows = db.prepare('SELECT name, definition FROM import_presets ORDER BY name').all() as Array<{ name: string; definition: string }>;
  const out: PresetDefinition[] = [];
  for (const r of rows) {
    try {
      const parsed = PresetDefinition.safeParse(JSON.parse(r.definition));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // unreadable JSON: ignore this preset
    }
  }
  return out;
}

export function saveUserPreset(db: Db, def: PresetDefinition): void {
  db.prepare(
    `INSERT INTO import_presets (name, definition, created_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET definition = excluded.definition`,
  ).run(def.name, JSON.stringify(def), nowIso());
}

export function deleteUserPreset(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM import_presets WHERE name = ?').run(name).changes > 0;
}
