// The HTTP entry point: correct async code that none of the rules report.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { loadConfig, loadDefaults } from './config-loader.js';

const defaults = loadDefaults();

const server = createServer((request, response) => {
  handle(request, response).catch((error) => {
    response.statusCode = 500;
    response.end(String(error));
  });
});

async function handle(request, response) {
  const config = { ...defaults, ...(await loadConfig('orders')) };
  const [banner, footer] = await Promise.all([readFile(config.banner, 'utf8'), readFile(config.footer, 'utf8')]);
  response.end(`${banner}\n${request.url}\n${footer}`);
}

server.listen(Number(process.env.PORT ?? 3000));
