export { IpcCallError } from '../../../shared/ipc/build-api';

/** The message to show a person for any rejection; main's messages are already written for people. */
export const errorMessage = (err: unknown): string =>
  err instanceof Error && err.message ? err.message : typeof err === 'string' ? err : 'Something went wrong.';
