import type { Command } from 'commander';
import type { CliContext } from '../context';
import { registerInfo } from './info';
import { registerImport } from './import';
import { registerPeople } from './people';
import { registerEvents } from './events';
import { registerConnect, registerStatus, registerDisconnect } from './connect';
import { registerQuery } from './query';
import { registerRunSchedules } from './run-schedules';
import { registerSchedule } from './schedule';
import { registerBackup, registerRestore, registerExportAll, registerDeleteAll } from './data-safety';
import { registerMappings } from './mappings';
import { registerPush } from './push';
import { registerPull } from './pull';
import { registerQueue } from './queue';
import { registerLog } from './log';
import { registerPrune } from './prune';

export type RegisterCommand = (program: Command, ctx: () => CliContext) => void;

/** One line per command module; feature owners add theirs here. */
export const commands: RegisterCommand[] = [
  registerInfo,
  registerImport,
  registerPeople,
  registerEvents,
  registerConnect,
  registerStatus,
  registerDisconnect,
  registerQuery,
  registerRunSchedules,
  registerSchedule,
  registerBackup,
  registerRestore,
  registerExportAll,
  registerDeleteAll,
  registerMappings,
  registerPush,
  registerPull,
  registerQueue,
  registerLog,
  registerPrune,
];
