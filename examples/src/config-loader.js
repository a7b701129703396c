// Loads the service configuration on every request that needs it.
import fs from 'node:fs';
import path from 'node:path';

const CONFIG_DIR = process.env.CONFIG_DIR ?? '/etc/orders';

export async function loadConfig(name) {
  const file = path.join(CONFIG_DIR, `${name}.json`);
  if (!fs.existsSync(file)) { // expect: event-loop/no-sync-in-async
    return {};
  }
  const raw = fs.readFileSync(file, 'utf8'); // expect: event-loop/no-sync-in-async
  return JSON.parse(raw);
}

// Runs once at start-up, before the server listens: blocking here is fine.
export function loadDefaults() {
  return JSON.parse(fs.readFileSync(path.join(CONFIG_DIR, 'defaults.json'), 'utf8'));
}
