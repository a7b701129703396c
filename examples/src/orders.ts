// Order handling: fetches customers, sends e-mails, writes an audit log.
import { appendFile } from 'node:fs/promises';

export interface Order {
  id: string;
  customerId: string;
  total: number;
}

interface Customer {
  id: string;
  email: string;
}

async function getCustomer(id: string): Promise<Customer> {
  const response = await fetch(`https://customers.internal/${id}`);
  return (await response.json()) as Customer;
}

async function sendReceipt(customer: Customer, order: Order): Promise<void> {
  await fetch('https://mail.internal/send', {
    method: 'POST',
    body: JSON.stringify({ to: customer.email, order: order.id }),
  });
}

export async function customersOf(orders: Order[]): Promise<Customer[]> {
  const customers: Customer[] = [];
  for (const order of orders) {
    customers.push(await getCustomer(order.customerId)); // expect: event-loop/no-sequential-await-in-loop
  }
  return customers;
}

export async function completeOrder(order: Order): Promise<void> {
  const customer = await getCustomer(order.customerId);
  sendReceipt(customer, order); // expect: event-loop/floating-task
  await appendFile('audit.log', `${order.id} completed\n`);
}

// Pagination must stay sequential: each page needs the previous cursor.
export async function allOrderIds(fetchPage: (cursor?: string) => Promise<{ ids: string[]; next?: string }>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    ids.push(...page.ids);
    cursor = page.next;
  } while (cursor);
  return ids;
}
