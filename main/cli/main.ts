import { installCrashGuard, runCli } from './index';

// Entry for `npm run cli`; the bin and the bundle import runCli from ./index instead, so
// importing the CLI never runs a command by itself.
installCrashGuard();
void runCli(process.argv.slice(2)).then((code) => process.exit(code));
