// `npm start`: install what is missing, build the dashboard, start the server (API + dashboard on
// one port). Flags: --skip-demo (no demo dataset on first start), --small-demo (two incubators
// instead of the national dataset).
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureWebBuild, ROOT } from './ensure.mjs';
import { serverNodeArgs } from './server-command.mjs';

ensureDependencies();
ensureWebBuild();

const env = { ...process.env };
if (process.argv.includes('--skip-demo')) env.SKIP_DEMO = '1';
if (process.argv.includes('--small-demo')) env.DEMO_DATASET = 'small';

// Node with the server's flags, on the bundle in production (server-command.mjs); signals are
// passed on so one Ctrl-C stops everything.
const server = spawn(process.execPath, await serverNodeArgs(env), { cwd: ROOT, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
