import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { paginate, request } from '../lib/http.js';

const CACHE = path.join('.shipit', 'labels.json');

function readCache() {
  return existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, 'utf8')) : {};
}

export async function sync({ token, dry }) {
  const config = JSON.parse(readFileSync('.shipit.json', 'utf8'));
  const cache = readCache();
  const wanted = config.labels ?? [];

  const results = {};
  for (const repo of config.repos) {
    const existing = [];
    for await (const label of paginate(`/repos/${repo}/labels`, { token })) existing.push(label.name);
    results[repo] = existing;
  }

  for (const repo of config.repos) {
    const missing = wanted.filter((label) => !results[repo].includes(label.name));
    for (const label of missing) {
      if (dry) {
        console.log(`${repo}: would create ${label.name}`);
        continue;
      }
      await request(`/repos/${repo}/labels`, { token, method: 'POST', body: label });
    }
    cache[repo] = { syncedAt: Date.now(), count: results[repo].length + missing.length };
  }

  const issues = {};
  for (const repo of config.repos) {
    issues[repo] = await request(`/repos/${repo}/issues?state=open&per_page=1`, { token });
  }

  mkdirSync(path.dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(cache, null, 2));
  console.log(`synced ${config.repos.length} repositories (${Object.keys(issues).length} checked for open issues)`);
}
