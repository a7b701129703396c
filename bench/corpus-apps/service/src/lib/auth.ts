import { pbkdf2Sync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { loadSession, query } from '../db.js';

export function hashPassword(password: string, salt = randomBytes(16).toString('hex')): string {
  const hash = pbkdf2Sync(password, salt, 210_000, 32, 'sha256').toString('hex');
  return `${salt}:${hash}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [salt, hash] = stored.split(':');
  const candidate = pbkdf2Sync(password, salt!, 210_000, 32, 'sha256');
  return timingSafeEqual(candidate, Buffer.from(hash!, 'hex'));
}

export function deriveApiKey(secret: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function login(email: string, password: string): Promise<number | null> {
  const [user] = await query<{ id: number; password_hash: string }>('SELECT id, password_hash FROM users WHERE email = $1', [email]);
  if (!user) return null;
  return verifyPassword(password, user.password_hash) ? user.id : null;
}

export function requireSession(req: Request, res: Response, next: NextFunction): void {
  const id = req.headers['x-session-id'];
  if (typeof id !== 'string') {
    res.status(401).end();
    return;
  }
  loadSession(id)
    .then((session) => {
      if (!session) {
        res.status(401).end();
        return;
      }
      res.locals.userId = session.userId;
      next();
    })
    .catch(next);
}
