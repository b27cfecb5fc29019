// Compiles the TypeScript sources to dist/ and copies the SQL migrations beside the compiled db/ code,
// so the CLI starts as plain JavaScript (no transpiler at run time) and finds its migrations relative to itself.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
} catch {
  console.error('build: TypeScript compilation failed (see the errors above)');
  process.exit(1);
}
mkdirSync(join(root, 'dist/db/migrations'), { recursive: true });
cpSync(join(root, 'db/migrations'), join(root, 'dist/db/migrations'), { recursive: true });
