// `npm run dev`: the API with reload on change (port 3000) and Vite's dev server for the dashboard
// (port 5173, proxying /api to the API).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bin, ensureDependencies, ROOT } from './ensure.mjs';

ensureDependencies();
const children = [
  spawn(bin('tsx'), ['watch', 'server/src/main.ts'], { cwd: ROOT, stdio: 'inherit' }),
  spawn(join(ROOT, 'web/node_modules/.bin/vite'), [], { cwd: join(ROOT, 'web'), stdio: 'inherit' }),
];
const stop = (signal) => {
  for (const child of children) child.kill(signal);
  process.exit(0);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
