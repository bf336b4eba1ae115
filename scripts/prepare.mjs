// `npm prepare`: build the package. Runs after `npm install` in a clone, before `npm pack`, and
// when npm installs sqlflow straight from git.
//
// A global install from git (`npm install -g github:...`, with or without --prefix) asks npm to
// install the clone's devDependencies first, but npm 10 and 11 run that nested install as a global
// one (npm/cli#8440): the devDependencies never reach the clone and the build fails with
// "tsc: not found". When the build tools are missing, install them here, locally and without
// scripts, then build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.env.npm_execpath;

/** Run npm with the caller's global, prefix and allow-scripts settings removed, so it acts on this directory. */
function runNpm(args) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(global|prefix|location|allow_scripts)$/i.test(key)) delete env[key];
  const [cmd, cmdArgs] = npm && npm.endsWith('.js') ? [process.execPath, [npm, ...args]] : [npm || 'npm', args];
  const r = spawnSync(cmd, cmdArgs, { cwd: root, env, stdio: 'inherit', shell: !npm && process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(join(root, 'node_modules', 'typescript', 'package.json'))) {
  process.stderr.write('sqlflow prepare: build tools missing (npm installs git packages globally without their devDependencies); installing them locally\n');
  runNpm(['install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund']);
}
runNpm(['run', 'build']);
