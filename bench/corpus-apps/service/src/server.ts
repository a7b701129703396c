import express, { type ErrorRequestHandler } from 'express';
import { config } from './config.js';
import { pool } from './db.js';
import { login, requireSession } from './lib/auth.js';
import { scheduleNightly } from './jobs/queue.js';
import { orders } from './routes/orders.js';
import { uploads } from './routes/uploads.js';

const app = express();
app.use(express.json({ limit: '1mb' }));

app.get('/health', async (_req, res) => {
  const started = Date.now();
  await pool.query('SELECT 1');
  res.json({ ok: true, dbMs: Date.now() - started });
});

app.post('/login', async (req, res) => {
  const { email, password } = req.body as { email: string; password: string };
  const userId = await login(email, password);
  if (userId === null) {
    res.status(401).json({ error: 'invalid credentials' });
    return;
  }
  const { rows } = await pool.query<{ id: string }>(
    "INSERT INTO sessions (user_id, expires_at) VALUES ($1, now() + interval '7 days') RETURNING id",
    [userId],
  );
  res.json({ session: rows[0]?.id });
});

app.use(requireSession);
app.use(orders);
app.use(uploads);

const onError: ErrorRequestHandler = (error, _req, res, _next) => {
  console.error(error);
  res.status(500).json({ error: 'internal error' });
};
app.use(onError);

const server = app.listen(config.port, () => {
  console.log(`listening on ${config.port}`);
  scheduleNightly();
});

process.on('SIGTERM', () => {
  server.close(async () => {
    await pool.end();
  });
});
