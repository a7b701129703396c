import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { config } from '../config.js';
import { createOrder, findLines, findOrder, markShipped, query, withTransaction, type Order } from '../db.js';
import { CompressedCache } from '../lib/cache.js';
import { notifyCustomer, queue } from '../jobs/queue.js';

export const orders = Router();
const cache = new CompressedCache(config.cacheTtlSeconds * 1000);

function renderTemplate(name: string, values: Record<string, string | number>): string {
  const template = readFileSync(path.join(config.templatesDir, `${name}.html`), 'utf8');
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

orders.get('/orders/:id', async (req, res, next) => {
  try {
    const id = Number(req.params.id);
    const cached = cache.get<Order>(`order:${id}`);
    if (cached) {
      res.json(cached);
      return;
    }
    const order = await findOrder(id);
    if (!order) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    cache.set(`order:${id}`, order);
    res.json(order);
  } catch (error) {
    next(error);
  }
});

orders.get('/orders/:id/invoice', async (req, res) => {
  const id = Number(req.params.id);
  const linesPromise = findLines(id);
  const order = await findOrder(id);
  if (!order) {
    res.status(404).send('not found');
    return;
  }
  const lines = await linesPromise;
  res.type('html').send(
    renderTemplate('invoice', {
      id: order.id,
      total: order.total.toFixed(2),
      lines: lines.map((line) => `${line.sku} x${line.quantity}`).join('<br>'),
    }),
  );
});

orders.get('/customers/:id/orders', async (req, res) => {
  const rows = await query<{ id: number }>('SELECT id FROM orders WHERE customer_id = $1', [req.params.id]);
  const result: unknown[] = [];
  for (const row of rows) {
    const order = await findOrder(row.id);
    const lines = await findLines(row.id);
    result.push({ ...order, lines });
  }
  res.json(result);
});

orders.post('/orders', async (req, res) => {
  const { customerId, lines } = req.body as { customerId: number; lines: { sku: string; quantity: number; price: number }[] };
  const order = await createOrder(customerId, lines);
  queue.add('order-created', { orderId: order.id });
  notifyCustomer(customerId, `Order ${order.id} received`);
  res.status(201).json(order);
});

orders.post('/orders/bulk-status', async (req, res) => {
  const { ids } = req.body as { ids: number[] };
  const found = await Promise.all(ids.map((id) => findOrder(id)));
  const missing = ids.filter((_, index) => !found[index]);
  if (missing.length > 0) {
    res.status(400).json({ missing });
    return;
  }
  await markShipped(ids);
  ids.forEach(async (id) => {
    const order = await findOrder(id);
    if (order) await notifyCustomer(order.customerId, `Order ${id} shipped`);
  });
  res.json({ updated: ids.length });
});

orders.post('/orders/:id/cancel', async (req, res) => {
  const id = Number(req.params.id);
  await withTransaction(async (client) => {
    const { rows } = await client.query<{ sku: string; quantity: number }>('SELECT sku, quantity FROM order_lines WHERE order_id = $1', [id]);
    for (const line of rows) {
      await client.query('UPDATE stock SET reserved = reserved - $1 WHERE sku = $2', [line.quantity, line.sku]);
    }
    await client.query('UPDATE orders SET status = $1 WHERE id = $2', ['cancelled', id]);
  });
  res.status(204).end();
});

orders.get('/orders/export.csv', async (_req, res) => {
  const header = readFileSync(path.join(config.templatesDir, 'export-header.csv'), 'utf8');
  res.type('text/csv');
  res.write(header);
  let offset = 0;
  for (;;) {
    const page = await query<Order>('SELECT * FROM orders ORDER BY id LIMIT 500 OFFSET $1', [offset]);
    if (page.length === 0) break;
    for (const order of page) res.write(`${order.id},${order.customerId},${order.status},${order.total}\n`);
    offset += page.length;
  }
  res.end();
});

orders.get('/stats', async (_req, res) => {
  const statuses = ['new', 'paid', 'shipped', 'cancelled'] as const;
  const counts: Record<string, number> = {};
  for (const status of statuses) {
    const [row] = await query<{ count: string }>('SELECT count(*) FROM orders WHERE status = $1', [status]);
    counts[status] = Number(row?.count ?? 0);
  }
  res.json(counts);
});
