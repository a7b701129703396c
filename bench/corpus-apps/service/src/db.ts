import pg from 'pg';
import { config } from './config.js';

export const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 20 });

pool.on('error', (error) => {
  console.error('idle client error', error);
});

export interface Order {
  id: number;
  customerId: number;
  status: 'new' | 'paid' | 'shipped' | 'cancelled';
  total: number;
  createdAt: Date;
}

export interface OrderLine {
  orderId: number;
  sku: string;
  quantity: number;
  price: number;
}

export async function query<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const result = await pool.query<T>(text, params);
  return result.rows;
}

export async function withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function findOrder(id: number): Promise<Order | undefined> {
  const [order] = await query<Order>('SELECT * FROM orders WHERE id = $1', [id]);
  return order;
}

export async function findLines(orderId: number): Promise<OrderLine[]> {
  return query<OrderLine>('SELECT * FROM order_lines WHERE order_id = $1 ORDER BY sku', [orderId]);
}

export async function createOrder(customerId: number, lines: Omit<OrderLine, 'orderId'>[]): Promise<Order> {
  return withTransaction(async (client) => {
    const total = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
    const { rows } = await client.query<Order>(
      'INSERT INTO orders (customer_id, status, total) VALUES ($1, $2, $3) RETURNING *',
      [customerId, 'new', total],
    );
    const order = rows[0]!;
    for (const line of lines) {
      await client.query('INSERT INTO order_lines (order_id, sku, quantity, price) VALUES ($1, $2, $3, $4)', [
        order.id,
        line.sku,
        line.quantity,
        line.price,
      ]);
      await client.query('UPDATE stock SET reserved = reserved + $1 WHERE sku = $2', [line.quantity, line.sku]);
    }
    return order;
  });
}

export async function markShipped(ids: number[]): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  try {
    for (const id of ids) {
      await client.query('UPDATE orders SET status = $1 WHERE id = $2', ['shipped', id]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export interface Session {
  id: string;
  userId: number;
  expiresAt: Date;
}

export async function loadSession(id: string): Promise<Session | undefined> {
  const [session] = await query<Session>('SELECT * FROM sessions WHERE id = $1 AND expires_at > now()', [id]);
  if (session) {
    pool.query('UPDATE sessions SET last_seen = now() WHERE id = $1', [id]);
  }
  return session;
}

export async function deleteExpiredSessions(): Promise<number> {
  const result = await pool.query('DELETE FROM sessions WHERE expires_at < now()');
  return result.rowCount ?? 0;
}
