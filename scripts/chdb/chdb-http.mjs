// A current ClickHouse (chdb 3.4.0 = ClickHouse 26.7, embedded) behind the subset of the ClickHouse HTTP interface
// that ModScope's ClickHouse engine uses, so the engine's own code path runs against a modern server:
//   POST or GET /?query=SQL&database=DB&SETTING=VALUE...   the SQL is the `query` parameter followed by the body
//                                                          (so `INSERT ... FORMAT TSV` + rows in the body works);
//                                                          other parameters are settings (SET), `database` is USE.
//   result: the query's FORMAT (TabSeparated when none), HTTP 200;
//   error:  HTTP 400 (syntax) or 500, body "Code: N. DB::Exception: ...".
// One persistent chdb Session (data under DIR/data) and a config naming the one-shard cluster `one_shard` whose
// only replica is this process (is_local), so Distributed tables over it read and write the local tables.
// Statements run one at a time (a chdb session is one connection).
//   node chdb-http.mjs --port 18130 --dir /tmp/modscope-chdb
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'chdb';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const port = Number(args.port ?? 18130);
const dir = path.resolve(args.dir ?? '/tmp/modscope-chdb');
const cluster = 'one_shard';
const tcpPort = port + 1000; // never listened on: only what makes the cluster's replica "this server"

fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
const config = path.join(dir, 'config.xml');
fs.writeFileSync(config, `<clickhouse>
  <timezone>UTC</timezone>
  <tcp_port>${tcpPort}</tcp_port>
  <remote_servers>
    <${cluster}><shard><replica><host>127.0.0.1</host><port>${tcpPort}</port></replica></shard></${cluster}>
  </remote_servers>
</clickhouse>
`);
const session = new Session(path.join(dir, 'data'), { connectionArgs: [`--config-file=${config}`] });

// Parameters of the HTTP interface that are not settings.
const notSettings = new Set(['query', 'database', 'default_format', 'user', 'password', 'query_id', 'session_id', 'compress', 'decompress']);
const literal = (v) => /^-?[0-9]+(\.[0-9]+)?$/.test(v) ? v : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const identifier = (v) => '`' + v.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';

let queue = Promise.resolve();
const serialized = (work) => { const run = queue.then(work, work); queue = run.catch(() => {}); return run; };

async function execute(params, body) {
  const settings = [...params].filter(([k]) => !notSettings.has(k)).map(([k, v]) => `${k} = ${literal(v)}`);
  const text = [params.get('query') ?? '', body].filter((s) => s.length > 0).join('\n');
  if (text.trim().length === 0) {
    throw Object.assign(new Error('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR)'), { clickhouseCode: 62 });
  }
  return serialized(async () => {
    if (settings.length > 0) await session.queryAsync(`SET ${settings.join(', ')}`);
    await session.queryAsync(`USE ${identifier(params.get('database') ?? 'default')}`);
    return (await session.queryAsync(text, { format: params.get('default_format') ?? 'TabSeparated' })).bytes();
  });
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/ping') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Ok.\n');
      return;
    }
    try {
      const result = await execute(url.searchParams, Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'Content-Type': 'text/tab-separated-values; charset=UTF-8' }).end(Buffer.from(result));
    } catch (e) {
      const message = String(e?.message ?? e);
      const code = e?.clickhouseCode ?? Number(/^Code: (\d+)/.exec(message)?.[1] ?? 0);
      res.writeHead(code === 62 ? 400 : 500, { 'Content-Type': 'text/plain; charset=UTF-8' })
        .end((message.startsWith('Code:') ? message : `Code: ${code}. DB::Exception: ${message}`) + '\n');
    }
  });
});

const stop = () => server.close(() => { session.close(); process.exit(0); });
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.listen(port, '127.0.0.1', () => console.log(`chdb ${cluster} on http://127.0.0.1:${port} (data in ${dir})`));
