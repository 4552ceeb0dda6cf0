import type { BuilderModel, BuilderReading } from '../../../shared/query-builder';
import { readSoql } from './read-soql';
import { loadSoqlLib } from './soql-lib';
import { writeSoql } from './write-soql';

/** The builder's two directions as the IPC handlers call them. */
export async function composeBuilder(model: BuilderModel): Promise<{ soql: string }> {
  return { soql: writeSoql(await loadSoqlLib(), model) };
}

export async function readBuilder(soql: string): Promise<BuilderReading> {
  return readSoql(await loadSoqlLib(), soql);
}
