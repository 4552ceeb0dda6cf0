import type { Query, SoqlComposeConfig } from 'soql-parser-js';
import { loadSoqlParser, type SoqlParser } from '../soql/parser';

/** soql-parser-js as the builder uses it: parse to read SOQL back, compose to write it. */
export interface SoqlLib extends SoqlParser {
  composeQuery(query: Query, config?: Partial<SoqlComposeConfig>): string;
}

/** The same lazily loaded module the runner parses with (loadSoqlParser answers the whole package). */
export const loadSoqlLib = (): Promise<SoqlLib> => loadSoqlParser() as Promise<SoqlLib>;
