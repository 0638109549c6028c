// Serves fixture pages on several localhost ports at once (different ports are different origins).
// Pages use placeholders that are replaced at serve time, so tests can pick free ports:
//   {{A}} {{B}} {{C}}  -> http://localhost:PORT_A etc.       (same site, cross origin)
//   {{XA}} {{XB}}      -> http://a.test:PORT_A, http://b.test:PORT_B (cross site: out-of-process frames)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** Starts one server per name on free ports, all serving `dirs` (first match wins). */
export async function serve(dirs = ['test/fixtures', 'demo'], names = ['A', 'B', 'C']) {
  const servers = [];
  const ports = {};
  const handler = (req, res) => handle(req, res, dirs, ports).catch(() => {
    res.writeHead(500);
    res.end();
  });
  for (const name of names) {
    const server = createServer(handler);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    ports[name] = server.address().port;
    servers.push(server);
  }
  const origins = {};
  for (const name of names) {
    origins[name] = `http://localhost:${ports[name]}`;
    origins['X' + name] = `http://${name.toLowerCase()}.test:${ports[name]}`;
  }
  return {
    ports,
    origins,
    url: (name, path) => origins[name] + path,
    close: () => Promise.all(servers.map((s) => new Promise((r) => { s.closeAllConnections?.(); s.close(r); }))),
  };

  async function handle(req, res, dirs, ports) {
    const url = new URL(req.url, 'http://x');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'index.html';
    if (rel.includes('..')) {
      res.writeHead(403);
      return res.end();
    }
    for (const dir of dirs) {
      let file = join(root, dir, rel);
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        let body = await readFile(file);
        const type = types[extname(file)] ?? 'application/octet-stream';
        if (/^text\/(html|javascript)/.test(type)) body = Buffer.from(fill(body.toString('utf8'), ports));
        const headers = { 'content-type': type, 'cache-control': 'no-store' };
        const csp = url.searchParams.get('csp');
        if (csp) headers['content-security-policy'] = csp;
        res.writeHead(200, headers);
        return res.end(body);
      } catch {
        // try the next directory
      }
    }
    res.writeHead(404);
    res.end('not found');
  }
}

export const fill = (text, ports) =>
  text.replace(/\{\{(X?)([A-Z])\}\}/g, (m, cross, name) => {
    const port = ports[name];
    if (!port) return m;
    return cross ? `http://${name.toLowerCase()}.test:${port}` : `http://localhost:${port}`;
  });
