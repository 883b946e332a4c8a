// Slow and greedy clients against the HTTP port, while a respondent and a
// member of staff are served. Prints one JSON line of what happened.
//   1. 1,000 slow connections from 20 loopback addresses (50 each, under the
//      per-address cap), each sending a header line a second and never
//      finishing its request.
//   2. 100 connections from one more address: beyond the per-address cap
//      (64) the server closes them at once.
//   3. A header flood: one connection sending header lines without end (up
//      to 200 MB); the server refuses it once the headers pass its limit.
// Meanwhile, and after each, a respondent's page (an unknown link: the
// "Link not recognised" page) and a member of staff's report download must
// be answered, each within 20 s.
//
// Usage: node http_flood.mjs PORT REPORT_PATH TOKEN EXPECTED_BYTES
import net from 'node:net';

const [port, reportPath, token, expectedBytes] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function connect(localAddress) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: Number(port), localAddress });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

// One whole request on a fresh connection; resolves to [status, body bytes].
async function fetchFrom(path, headers = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 20000);
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`,
                                 { headers, signal: controller.signal });
    const body = await response.arrayBuffer();
    return [response.status, body.byteLength];
  } finally {
    clearTimeout(timer);
  }
}

async function probe(label) {
  const [respondentStatus] = await fetchFrom('/q/no-such-link-abc');
  if (respondentStatus !== 404) throw new Error(`${label}: respondent page answered ${respondentStatus}`);
  const [staffStatus, bytes] =
      await fetchFrom(reportPath, { Authorization: `Bearer ${token}` });
  if (staffStatus !== 200 || bytes !== Number(expectedBytes)) {
    throw new Error(`${label}: report download answered ${staffStatus} with ${bytes} bytes`);
  }
}

const result = {};

// --- 1. Slow connections ------------------------------------------------------
const slow = [];
for (let a = 0; a < 20; ++a) {
  for (let i = 0; i < 50; ++i) {
    const socket = await connect(`127.0.0.${10 + a}`);
    socket.on('error', () => {});
    socket.write(`GET /signin HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    slow.push(socket);
  }
}
const drip = setInterval(() => {
  for (const socket of slow) if (!socket.destroyed) socket.write('X-Slow: 1\r\n');
}, 1000);
await sleep(3000);
await probe('slow connections');
result.slow_open = slow.filter((s) => !s.destroyed).length;

// --- 2. Beyond the per-address cap -----------------------------------------
const greedy = [];
for (let i = 0; i < 100; ++i) {
  const socket = await connect('127.0.0.9').catch(() => null);
  if (socket === null) continue;
  socket.on('error', () => {});
  greedy.push(socket);
}
await sleep(2000);
result.greedy_open = greedy.filter((s) => !s.destroyed).length;
await probe('greedy address');
for (const socket of greedy) socket.destroy();

// --- 3. Header flood ------------------------------------------------------------
result.flood_sent = await new Promise((resolve) => {
  let sent = 0;
  const socket = net.connect({ host: '127.0.0.1', port: Number(port), localAddress: '127.0.0.8' });
  const line = Buffer.from(`X-Flood: ${'x'.repeat(1000)}\r\n`);
  const chunk = Buffer.concat(Array(64).fill(line));
  const finish = () => resolve(sent);
  socket.on('error', finish);
  socket.on('close', finish);
  socket.on('connect', () => {
    socket.write('GET /signin HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const pump = () => {
      while (sent < 200 * 1024 * 1024) {
        sent += chunk.length;
        if (!socket.write(chunk)) return socket.once('drain', pump);
      }
      socket.end();
    };
    pump();
  });
});
await probe('header flood');

clearInterval(drip);
result.slow_still_open = slow.filter((s) => !s.destroyed).length;
for (const socket of slow) socket.destroy();
console.log(JSON.stringify(result));
