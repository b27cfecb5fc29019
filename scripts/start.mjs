// `npm start`: builds, then opens the Electron window — or, where the Electron binary is not installed (it is
// fetched on first run, which needs the network), says so in one line and names `npm run web`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'node_modules/electron');
const pathFile = join(pkg, 'path.txt');
const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
  ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
  : relative && join(pkg, 'dist', relative);
if (!binary || !existsSync(binary)) {
  console.error('ka-settle: the Electron binary is not installed on this machine, so the desktop window cannot open; run `npm run web` to use ka-settle in your browser instead.');
  process.exit(1);
}
const child = spawn(binary, [root], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
