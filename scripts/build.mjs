// Compiles the TypeScript sources to dist/ and copies the SQL migrations beside the compiled db/ code,
// so the CLI starts as plain JavaScript (no transpiler at run time) and finds its migrations relative to itself;
// then type-checks the renderer and bundles it with Vite into dist/renderer (served by Electron and the bridge).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
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
// Copied afresh: a migration renamed in the sources (renumbered on a rebase) must not linger in dist/ beside its new name.
rmSync(join(root, 'dist/db/migrations'), { recursive: true, force: true });
rmSync(join(root, 'dist/hq/db/migrations'), { recursive: true, force: true });
mkdirSync(join(root, 'dist/db/migrations'), { recursive: true });
mkdirSync(join(root, 'dist/hq/db/migrations'), { recursive: true });
cpSync(join(root, 'hq/db/migrations'), join(root, 'dist/hq/db/migrations'), { recursive: true });
cpSync(join(root, 'db/migrations'), join(root, 'dist/db/migrations'), { recursive: true });

const step = (what, args) => {
  try {
    execFileSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  } catch {
    console.error(`build: ${what} failed (see the errors above)`);
    process.exit(1);
  }
};
step('type-checking the renderer', [tsc, '-p', join(root, 'tsconfig.renderer.json')]);
try {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'renderer'), logLevel: 'warn' });
} catch (e) {
  console.error(`build: bundling the renderer failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
