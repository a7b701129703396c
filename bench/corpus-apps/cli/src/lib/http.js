import { setTimeout as sleep } from 'node:timers/promises';

const API = 'https://api.github.com';

export async function request(path, { token, method = 'GET', body } = {}) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${API}${path}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0' && attempt < 3) {
      const reset = Number(response.headers.get('x-ratelimit-reset')) * 1000;
      await sleep(Math.max(1000, reset - Date.now()));
      continue;
    }
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  }
}

export async function* paginate(path, options) {
  let page = 1;
  while (true) {
    const items = await request(`${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`, options);
    yield* items;
    if (items.length < 100) return;
    page++;
  }
}

export async function upload(url, file, data, token) {
  const response = await fetch(`${url.replace(/\{.*\}$/, '')}?name=${encodeURIComponent(file)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: data,
  });
  if (!response.ok) throw new Error(`upload ${file}: ${response.status}`);
  return response.json();
}
