import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { contentHash, fileHash } from './hash.js';
import { AssetManifest } from './manifest.js';

const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

export default function hashedAssets(options = {}) {
  const { assetsDir = 'static', manifestFile = 'dist/asset-manifest.json', compress = true, inlineLimit = 4096 } = options;
  let root = process.cwd();
  let manifest;
  let isBuild = false;

  return {
    name: 'hashed-assets',

    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
      manifest = new AssetManifest(path.resolve(root, manifestFile));
    },

    buildStart() {
      for (const file of walk(path.join(root, assetsDir))) {
        this.addWatchFile(file);
      }
    },

    resolveId(id) {
      if (id.startsWith('asset:')) return `\0${id}`;
      return null;
    },

    load(id) {
      if (!id.startsWith('\0asset:')) return null;
      const file = path.join(root, assetsDir, id.slice('\0asset:'.length));
      const data = readFileSync(file);
      if (data.length <= inlineLimit) {
        return `export default ${JSON.stringify(`data:application/octet-stream;base64,${data.toString('base64')}`)};`;
      }
      const name = `${path.basename(file, path.extname(file))}.${fileHash(file)}${path.extname(file)}`;
      if (isBuild) {
        const ref = this.emitFile({ type: 'asset', fileName: `assets/${name}`, source: data });
        return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
      }
      return `export default ${JSON.stringify(`/${assetsDir}/${path.relative(path.join(root, assetsDir), file)}`)};`;
    },

    async transform(code, id) {
      if (!id.endsWith('.css')) return null;
      const urls = [...code.matchAll(/url\(["']?(\.\/[^"')]+)["']?\)/g)].map((match) => match[1]);
      let output = code;
      for (const url of urls) {
        const file = path.resolve(path.dirname(id), url);
        const data = await readFile(file);
        output = output.replace(url, `${url}?v=${contentHash(data)}`);
      }
      return { code: output, map: null };
    },

    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith('/__assets')) return next();
        const files = walk(path.join(root, assetsDir)).map((file) => ({
          file: path.relative(root, file),
          hash: fileHash(file),
        }));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(files));
      });
      server.watcher.on('change', async (file) => {
        if (!file.startsWith(path.join(root, assetsDir))) return;
        const data = await readFile(file);
        server.ws.send({ type: 'custom', event: 'asset-changed', data: { file, hash: contentHash(data) } });
      });
    },

    async generateBundle(_options, bundle) {
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'asset') continue;
        manifest.set(fileName, fileName);
      }
      const extra = walk(path.join(root, assetsDir, 'public'));
      for (const file of extra) {
        const source = await readFile(file);
        const fileName = `public/${path.basename(file)}`;
        this.emitFile({ type: 'asset', fileName, source });
        manifest.set(path.relative(root, file), fileName);
      }
    },

    async writeBundle(outputOptions, bundle) {
      if (!compress) return;
      const outDir = outputOptions.dir ?? path.join(root, 'dist');
      const names = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        names.map(async (name) => {
          const file = path.join(outDir, name);
          const data = readFileSync(file);
          writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          writeFileSync(`${file}.gz`, await gzipAsync(data));
        }),
      );
    },

    closeBundle() {
      manifest.writeSync();
    },
  };
}
