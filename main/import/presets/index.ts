import { PresetDefinition } from '../../../shared/ipc/channels/import';
import eventbrite from './eventbrite.json';
import tito from './tito.json';
import tickettailor from './tickettailor.json';
import generic from './generic.json';

/**
 * Built-in presets are data: a new platform is one JSON file listed here. They are checked
 * against the same schema as user presets when the module loads, so a typo fails fast.
 */
export const builtInPresets: readonly PresetDefinition[] = [eventbrite, tito, tickettailor, generic].map((p) => PresetDefinition.parse(p));

/** The preset that catches any buyer list and fills gaps left by a platform preset. */
export const GENERIC_PRESET = 'generic';

export const findBuiltIn = (name: string): PresetDefinition | undefined => builtInPresets.find((p) => p.name === name);
