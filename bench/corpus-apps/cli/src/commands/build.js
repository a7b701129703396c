import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { run } from '../lib/git.js';

function readPackage() {
  return JSON.parse(readFileSync('package.json', 'utf8'));
}

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

function writeChecksums(outDir) {
  const lines = [];
  for (const file of listFiles(outDir)) {
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    lines.push(`${hash}  ${path.relative(outDir, file)}`);
  }
  writeFileSync(path.join(outDir, 'SHA256SUMS'), `${lines.join('\n')}\n`);
}

export async function build({ out, dry }) {
  const pkg = readPackage();
  console.log(`building ${pkg.name}@${pkg.version} into ${out}`);
  if (dry) return;

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  await run('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', out]);
  if (existsSync('assets')) cpSync('assets', path.join(out, 'assets'), { recursive: true });

  const entries = Object.values(pkg.exports ?? { '.': pkg.main ?? 'index.js' });
  for (const entry of entries) {
    await run('npx', ['esbuild', entry, '--bundle', '--platform=node', `--outdir=${out}/bundle`]);
  }

  for (const file of listFiles(out)) {
    if (!file.endsWith('.js') || statSync(file).size < 10_000) continue;
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
  }

  writeChecksums(out);
  const manifest = { name: pkg.name, version: pkg.version, builtAt: new Date().toISOString() };
  writeFileSync(path.join(out, 'build.json'), JSON.stringify(manifest, null, 2));
  console.log('done');
}
