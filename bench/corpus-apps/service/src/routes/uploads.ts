import { createWriteStream, mkdirSync, statSync, readdirSync, unlinkSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliCompressSync } from 'node:zlib';
import { Router } from 'express';
import { config } from '../config.js';
import { queue } from '../jobs/queue.js';

export const uploads = Router();

mkdirSync(config.uploadsDir, { recursive: true });

uploads.put('/uploads/:name', async (req, res) => {
  const target = path.join(config.uploadsDir, path.basename(req.params.name));
  await pipeline(req, createWriteStream(target));
  const { size } = statSync(target);
  await queue.add('thumbnail', { file: target });
  res.status(201).json({ size });
});

uploads.get('/uploads', async (_req, res) => {
  const names = readdirSync(config.uploadsDir);
  const files = await Promise.all(
    names.map(async (name) => {
      const info = await stat(path.join(config.uploadsDir, name));
      return { name, size: info.size, modified: info.mtime };
    }),
  );
  const body = Buffer.from(JSON.stringify(files));
  if (String(_req.headers['accept-encoding']).includes('br')) {
    res.setHeader('content-encoding', 'br');
    res.end(brotliCompressSync(body));
    return;
  }
  res.json(files);
});

uploads.delete('/uploads/:name', (req, res) => {
  unlinkSync(path.join(config.uploadsDir, path.basename(req.params.name)));
  res.status(204).end();
});
