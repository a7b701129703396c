import { Queue } from 'bullmq';
import { config } from '../config.js';

const connection = { url: config.redisUrl };

export const queue = new Queue('orders', { connection });

export async function notifyCustomer(customerId: number, text: string): Promise<void> {
  await queue.add('notify', { customerId, text }, { attempts: 5, backoff: { type: 'exponential', delay: 1000 } });
}

export async function scheduleNightly(): Promise<void> {
  await queue.upsertJobScheduler('nightly-cleanup', { pattern: '0 3 * * *' }, { name: 'cleanup' });
}
