import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

export class AssetManifest {
  constructor(file) {
    this.file = file;
    this.entries = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  }

  set(source, hashed) {
    this.entries[source] = hashed;
  }

  get(source) {
    return this.entries[source];
  }

  writeSync() {
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.entries, null, 2));
  }

  async write() {
    await writeFile(this.file, JSON.stringify(this.entries, null, 2));
  }
}
