import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Worker, type Job } from 'bullmq';
import { config } from '../config.js';
import { deleteExpiredSessions, findLines, findOrder, pool, query } from '../db.js';

async function sendEmail(to: string, subject: string, body: string): Promise<void> {
  const response = await fetch('https://mail.internal/send', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to, subject, body }),
  });
  if (!response.ok) throw new Error(`mail service answered ${response.status}`);
}

async function withRetry<T>(attempts: number, work: () => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await work();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 500));
    }
  }
  throw lastError;
}

async function handleOrderCreated(job: Job<{ orderId: number }>): Promise<void> {
  const order = await findOrder(job.data.orderId);
  if (!order) return;
  const lines = await findLines(order.id);
  for (const line of lines) {
    const [stock] = await query<{ available: number }>('SELECT available FROM stock WHERE sku = $1', [line.sku]);
    if ((stock?.available ?? 0) < line.quantity) {
      await query('INSERT INTO backorders (order_id, sku) VALUES ($1, $2)', [order.id, line.sku]);
    }
  }
  await job.updateProgress(100);
}

async function handleNotify(job: Job<{ customerId: number; text: string }>): Promise<void> {
  const [customer] = await query<{ email: string }>('SELECT email FROM customers WHERE id = $1', [job.data.customerId]);
  if (!customer) return;
  await withRetry(3, () => sendEmail(customer.email, 'Your order', job.data.text));
}

async function handleThumbnail(job: Job<{ file: string }>): Promise<void> {
  const output = `${job.data.file}.thumb.jpg`;
  execFileSync('convert', [job.data.file, '-resize', '200x200', output]);
  const meta = JSON.parse(readFileSync(`${job.data.file}.json`, 'utf8').toString() || '{}') as Record<string, unknown>;
  writeFileSync(`${job.data.file}.json`, JSON.stringify({ ...meta, thumbnail: output }));
}

async function handleCleanup(): Promise<void> {
  const removed = await deleteExpiredSessions();
  const stale = await query<{ id: number }>("SELECT id FROM orders WHERE status = 'new' AND created_at < now() - interval '30 days'");
  for (const { id } of stale) {
    await pool.query('UPDATE orders SET status = $1 WHERE id = $2', ['cancelled', id]);
  }
  console.log(`cleanup: ${removed} sessions, ${stale.length} orders`);
}

const handlers: Record<string, (job: Job) => Promise<void>> = {
  'order-created': handleOrderCreated,
  notify: handleNotify,
  thumbnail: handleThumbnail,
  cleanup: handleCleanup,
};

export const worker = new Worker(
  'orders',
  async (job) => {
    const handler = handlers[job.name];
    if (!handler) throw new Error(`no handler for ${job.name}`);
    await handler(job);
  },
  { connection: { url: config.redisUrl }, concurrency: 8 },
);

worker.on('failed', async (job, error) => {
  if (!job) return;
  await query('INSERT INTO job_failures (job_id, name, message) VALUES ($1, $2, $3)', [job.id, job.name, error.message]);
});

worker.on('completed', (job) => {
  console.log(`job ${job.id} (${job.name}) done`);
});

process.on('SIGTERM', async () => {
  await worker.close();
  await pool.end();
  process.exit(0);
});
