import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  templatesDir: string;
  uploadsDir: string;
  sessionSecret: string;
  cacheTtlSeconds: number;
}

const defaults: Config = {
  port: 3000,
  databaseUrl: 'postgres://localhost:5432/orders',
  redisUrl: 'redis://localhost:6379',
  templatesDir: path.resolve('templates'),
  uploadsDir: path.resolve('uploads'),
  sessionSecret: 'dev-secret',
  cacheTtlSeconds: 60,
};

function loadFileConfig(file: string): Partial<Config> {
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as Partial<Config>;
}

export const config: Config = {
  ...defaults,
  ...loadFileConfig(process.env.CONFIG_FILE ?? 'config.json'),
  ...(process.env.PORT ? { port: Number(process.env.PORT) } : {}),
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
};
