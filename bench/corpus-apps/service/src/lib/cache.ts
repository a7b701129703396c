import { gzipSync, gunzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

interface Entry {
  value: Buffer;
  expiresAt: number;
}

export class CompressedCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(private readonly ttlMs: number) {
    setInterval(() => this.sweep(), ttlMs).unref();
  }

  get<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return JSON.parse(gunzipSync(entry.value).toString('utf8')) as T;
  }

  set(key: string, value: unknown): void {
    const buffer = gzipSync(Buffer.from(JSON.stringify(value)));
    this.entries.set(key, { value: buffer, expiresAt: Date.now() + this.ttlMs });
  }

  async setLarge(key: string, value: unknown): Promise<void> {
    const buffer = await gzipAsync(Buffer.from(JSON.stringify(value)));
    this.entries.set(key, { value: buffer, expiresAt: Date.now() + this.ttlMs });
  }

  async getOrLoad<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.get<T>(key);
    if (cached !== undefined) return cached;
    const pending = this.inflight.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const promise = load().then((value) => {
      this.set(key, value);
      this.inflight.delete(key);
      return value;
    });
    this.inflight.set(key, promise);
    return promise;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt < now) this.entries.delete(key);
    }
  }
}
