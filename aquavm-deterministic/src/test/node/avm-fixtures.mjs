// Test-time tool (not used by the Maven build): runs the real AquaVM 0.62.0 avm.wasm under Node's
// WASI through its raw Marine ABI and records real InterpreterData for the rkyv codec tests.
//
//   node avm-fixtures.mjs generate <avm.wasm> <out-dir>      write one <scenario>.json per scenario
//   node avm-fixtures.mjs replay <avm.wasm> <fixture-dir> <reencoded.json>
//        re-run every recorded invoke with prev/current data whose inner_data was replaced by our
//        re-encoded rkyv bytes and check the real engine gives the same outcome.
//
// Every invoke runs on a fresh instance with zero-filled random_get and a fixed clock, so the output
// is a pure function of the inputs (Rust seeds HashMaps from random_get).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { encode as mpEncode, decode as mpDecode } from '@msgpack/msgpack';

const WASM_SHA256 = '4a9f248d19582a4c0c638a3e4485d092dbf707dd7ad766f5320698b082010eba';

// ---------- keys and peer ids ----------
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes) {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let s = '';
  while (n > 0n) { s = B58[Number(n % 58n)] + s; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; s = '1' + s; }
  return s;
}
function peer(name) {
  const seed = createHash('sha256').update('aurum-fixture-peer:' + name).digest();
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const pub = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }))
    .export({ format: 'der', type: 'spki' }).subarray(-32);
  const id = base58(Buffer.concat([Buffer.from('002408011220', 'hex'), pub]));
  return { name, seed, id };
}

// ---------- the wasm host ----------
let wasmModule;
function instantiate() {
  const wasi = new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
  const imports = wasi.getImportObject();
  let memory;
  imports.wasi_snapshot_preview1.random_get = (ptr, len) => {
    new Uint8Array(memory.buffer, ptr, len).fill(0);
    return 0;
  };
  imports.wasi_snapshot_preview1.clock_time_get = (id, precision, ptr) => {
    new DataView(memory.buffer).setBigUint64(ptr, 1700000000000000000n, true);
    return 0;
  };
  imports.__marine_host_api_v3 = { log_utf8_string: () => {} };
  const instance = new WebAssembly.Instance(wasmModule, imports);
  memory = instance.exports.memory;
  // node:wasi refuses modules that export both _start and _initialize; hand it only what _start needs.
  wasi.start({ exports: { memory, _start: instance.exports._start } });
  return instance;
}

function lower(ex, bytes) {
  if (bytes.length === 0) return 0;
  const p = ex.allocate(bytes.length, 1);
  new Uint8Array(ex.memory.buffer, p, bytes.length).set(bytes);
  return p;
}
function readVec(ex, at) {
  const dv = new DataView(ex.memory.buffer);
  const p = dv.getUint32(at, true), n = dv.getUint32(at + 4, true);
  return Buffer.from(new Uint8Array(ex.memory.buffer, p, n));
}

function invoke(air, prev, data, params, callResults) {
  const ex = instantiate().exports;
  const enc = new TextEncoder();
  const rec = Buffer.alloc(70);
  const put = (off, b) => { rec.writeUInt32LE(lower(ex, b), off); rec.writeUInt32LE(b.length, off + 4); };
  put(0, enc.encode(params.initPeerId));
  put(8, enc.encode(params.currentPeerId));
  rec.writeBigUInt64LE(BigInt(params.timestamp), 16);
  rec.writeUInt32LE(params.ttl, 24);
  rec[28] = 0;
  put(29, params.seed);
  put(37, enc.encode(params.particleId));
  rec.writeBigUInt64LE(64n << 20n, 45);
  rec.writeBigUInt64LE(64n << 20n, 53);
  rec.writeBigUInt64LE(64n << 20n, 61);
  rec[69] = 0;
  const airB = enc.encode(air);
  ex.invoke(lower(ex, airB), airB.length, lower(ex, prev), prev.length, lower(ex, data), data.length,
    lower(ex, rec), lower(ex, callResults), callResults.length);
  const r = ex.get_result_ptr();
  const dv = new DataView(ex.memory.buffer);
  const out = {
    retCode: Number(dv.getBigInt64(r, true)),
    errorMessage: readVec(ex, r + 8).toString('utf8'),
    data: readVec(ex, r + 16),
    nextPeerPks: [],
    callRequests: readVec(ex, r + 32),
  };
  const arr = dv.getUint32(r + 24, true), n = dv.getUint32(r + 28, true);
  for (let i = 0; i < n; i++) out.nextPeerPks.push(readVec(ex, arr + 8 * i).toString('utf8'));
  ex.release_objects();
  return out;
}

// The exact text of to_human_readable_data (pretty serde_json, sorted keys).
function humanReadable(data) {
  if (data.length === 0) return null;
  const ex = instantiate().exports;
  ex.to_human_readable_data(lower(ex, data), data.length);
  const text = Buffer.from(new Uint8Array(ex.memory.buffer, ex.get_result_ptr(), ex.get_result_size())).toString('utf8');
  ex.release_objects();
  return text;
}

// ---------- msgpack helpers ----------
const MULTICODEC_MSGPACK = Buffer.from([0x81, 0x04]);
function encodeCallResults(results) {
  return Buffer.concat([MULTICODEC_MSGPACK, Buffer.from(mpEncode(results))]);
}
function decodeCallRequests(bytes) {
  if (!bytes.subarray(0, 2).equals(MULTICODEC_MSGPACK)) throw new Error('bad call requests prefix');
  const map = mpDecode(bytes.subarray(2), { useBigInt64: false });
  return Object.entries(map).map(([id, req]) => ({
    id: Number(id), serviceId: req.service_id, functionName: req.function_name,
    arguments: mpDecode(req.arguments), tetraplets: mpDecode(req.tetraplets),
  }));
}
function envelope(bytes) { return mpDecode(bytes); }

// ---------- scenarios ----------
const P = Object.fromEntries(['client', 'p1', 'p2', 'p3', 'p4'].map((n) => [n, peer(n)]));
const byId = Object.fromEntries(Object.values(P).map((p) => [p.id, p]));
const subst = (air) => air.replace(/@(\w+)/g, (_, n) => JSON.stringify(P[n].id));

const json = (v) => ({ ret_code: 0, result: JSON.stringify(v) });
const SCENARIOS = [
  {
    name: 'single-call',
    air: `(call %init_peer_id% ("svc" "fn") [] x)`,
    service: () => json('hello'),
  },
  {
    name: 'fork-join',
    air: `(seq
      (seq
        (par
          (call @p1 ("prices" "get") ["btc"] price1)
          (par
            (call @p2 ("prices" "get") ["btc"] price2)
            (call @p4 ("prices" "get") ["btc"] price4)))
        (seq
          (call @p3 ("op" "noop") [price1 price2 price4])
          (seq
            (seq (ap price1 $prices) (seq (ap price2 $prices) (ap price4 $prices)))
            (seq
              (canon @p3 $prices #all)
              (call @p3 ("average" "calc") [#all] avg)))))
      (call %init_peer_id% ("show" "show") [avg]))`,
    service: (p, svc, fn, args) => {
      if (svc === 'prices') return json({ p1: 10, p2: 20, p4: 33 }[p.name]);
      if (svc === 'average') return json(args[0].reduce((a, b) => a + b, 0) / args[0].length);
      return json(null);
    },
  },
  {
    name: 'fold-next',
    air: `(seq
      (seq (seq (ap 1 $s) (ap 2 $s)) (ap "three" $s))
      (seq
        (fold $s i
          (seq (call %init_peer_id% ("vm" "echo") [i] $out) (next i))
          (call %init_peer_id% ("vm" "last") [] $out))
        (seq (canon %init_peer_id% $out #out) (call %init_peer_id% ("vm" "done") [#out]))))`,
    service: (p, svc, fn, args) => json(fn === 'echo' ? { echoed: args[0] } : fn),
  },
  {
    name: 'stream-map',
    air: `(seq
      (seq (call %init_peer_id% ("kv" "get") [] v) (ap ("k" v) %m))
      (seq (seq (ap ("k2" "literal value") %m) (ap (42 "x") %m))
        (seq (canon %init_peer_id% %m #%c)
          (seq (ap #%c.$.k $ks) (call %init_peer_id% ("kv" "put") [#%c.$.k2 v])))))`,
    service: () => json({ nested: [1, 2.5, 'three'], 'quote"s': 'x\u00e9\n' }),
  },
  {
    name: 'xor-failed',
    air: `(xor
      (call %init_peer_id% ("svc" "fail") [] r)
      (call %init_peer_id% ("svc" "report") [%last_error%.$.message] r2))`,
    service: (p, svc, fn) => (fn === 'fail' ? { ret_code: 1, result: JSON.stringify('boom') } : json('reported')),
  },
  {
    name: 'sent-by',
    air: `(seq
      (call %init_peer_id% ("svc" "local") [] x)
      (seq (call @p1 ("svc" "remote") [x] y) (canon @p2 $nothing #c)))`,
    service: (p, svc, fn) => json(fn + '@' + p.name),
  },
  {
    name: 'canon-provenance',
    air: `(seq
      (seq (seq (call %init_peer_id% ("svc" "get") [] x) (ap x $a)) (seq (ap "lit" $a) (canon %init_peer_id% $a #canon_a)))
      (seq
        (seq (ap #canon_a.$.[0] $b) (seq (ap #canon_a $b) (canon %init_peer_id% $b #canon_b)))
        (call %init_peer_id% ("svc" "show") [#canon_b #canon_a.$.[1]])))`,
    service: (p, svc, fn) => json(fn === 'get' ? { deep: { list: [1, 2, 3] } } : 'shown'),
  },
  {
    name: 'big-value',
    air: `(seq
      (call %init_peer_id% ("svc" "big") [] big)
      (call @p1 ("svc" "echo") [big.$.text] $echo))`,
    service: (p, svc, fn, args) => json(fn === 'big'
      ? { text: 'x'.repeat(20000) + '\u00e9\u{1F600}', n: Array.from({ length: 50 }, (_, i) => i * 1.25) }
      : args[0].length),
  },
];

function runScenario(sc) {
  const air = subst(sc.air);
  const init = P.client;
  const particleId = 'aurum-fixture-' + sc.name;
  const prevData = {};
  const queue = [{ to: init.id, data: Buffer.alloc(0) }];
  const invokes = [];
  let hops = 0;
  while (queue.length > 0 && hops < (sc.stopAfterHops ?? 40)) {
    const { to, data } = queue.shift();
    const pr = byId[to];
    let prev = prevData[to] ?? Buffer.alloc(0);
    let current = data;
    let callResults = encodeCallResults({});
    for (let round = 0; round < 10; round++) {
      const params = { initPeerId: init.id, currentPeerId: pr.id, timestamp: 1700000000000, ttl: 60000, seed: pr.seed, particleId };
      const out = invoke(air, prev, current, params, callResults);
      const requests = out.retCode === 0 ? decodeCallRequests(out.callRequests) : [];
      invokes.push({
        peer: pr.name, currentPeerId: pr.id, initPeerId: init.id, particleId, timestamp: params.timestamp, ttl: params.ttl,
        prevData: prev.toString('hex'), currentData: current.toString('hex'), callResults: callResults.toString('hex'),
        retCode: out.retCode, errorMessage: out.errorMessage, nextPeerPks: out.nextPeerPks,
        callRequests: requests.map(({ id, serviceId, functionName, arguments: a }) => ({ id, serviceId, functionName, arguments: a })),
        data: out.data.toString('hex'), humanText: humanReadable(out.data),
      });
      if (out.retCode !== 0) throw new Error(`${sc.name}: ${pr.name} failed: ${out.retCode} ${out.errorMessage}`);
      prev = out.data;
      prevData[to] = out.data;
      hops++;
      if (requests.length === 0) {
        for (const next of out.nextPeerPks) queue.push({ to: next, data: out.data });
        break;
      }
      const results = {};
      for (const r of requests) results[String(r.id)] = sc.service(pr, r.serviceId, r.functionName, r.arguments);
      current = Buffer.alloc(0);
      callResults = encodeCallResults(results);
      if (sc.stopAfterHops !== undefined && hops >= sc.stopAfterHops) break;
    }
  }
  return { scenario: sc.name, air, peers: Object.fromEntries(Object.values(P).map((p) => [p.name, p.id])), invokes };
}

function loadWasm(path) {
  const bytes = readFileSync(path);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== WASM_SHA256) throw new Error('unexpected avm.wasm sha256 ' + sha);
  wasmModule = new WebAssembly.Module(bytes);
}

function replaceInner(envHex, reencoded) {
  if (envHex.length === 0) return Buffer.alloc(0);
  const env = envelope(Buffer.from(envHex, 'hex'));
  const innerHex = Buffer.from(env.inner_data).toString('hex');
  const replacement = reencoded[innerHex];
  if (replacement === undefined) throw new Error('no re-encoding for inner_data ' + innerHex.slice(0, 32));
  // Same key order as rmp_serde's named struct: version, interpreter_version, inner_data.
  return Buffer.from(mpEncode({ version: env.version, interpreter_version: env.interpreter_version,
    inner_data: Buffer.from(replacement, 'hex') }));
}

const [cmd, wasmPath, dir, extra] = process.argv.slice(2);
loadWasm(wasmPath);
if (cmd === 'generate') {
  mkdirSync(dir, { recursive: true });
  for (const sc of SCENARIOS) {
    const result = runScenario(sc);
    writeFileSync(`${dir}/${sc.name}.json`, JSON.stringify(result, null, 1) + '\n');
    console.log(`${sc.name}: ${result.invokes.length} invokes`);
  }
} else if (cmd === 'replay') {
  const reencoded = JSON.parse(readFileSync(extra, 'utf8'));
  let same = 0, sameBytes = 0, total = 0;
  for (const sc of SCENARIOS) {
    const fx = JSON.parse(readFileSync(`${dir}/${sc.name}.json`, 'utf8'));
    for (const [i, inv] of fx.invokes.entries()) {
      const prev = replaceInner(inv.prevData, reencoded);
      const cur = replaceInner(inv.currentData, reencoded);
      const params = { initPeerId: inv.initPeerId, currentPeerId: inv.currentPeerId, timestamp: inv.timestamp, ttl: inv.ttl,
        seed: P[inv.peer].seed, particleId: inv.particleId };
      const out = invoke(fx.air, prev, cur, params, Buffer.from(inv.callResults, 'hex'));
      const reqs = out.retCode === 0 ? decodeCallRequests(out.callRequests)
        .map(({ id, serviceId, functionName, arguments: a }) => ({ id, serviceId, functionName, arguments: a })) : [];
      const ok = out.retCode === inv.retCode && out.errorMessage === inv.errorMessage
        && JSON.stringify([...out.nextPeerPks].sort()) === JSON.stringify([...inv.nextPeerPks].sort())
        && JSON.stringify(reqs) === JSON.stringify(inv.callRequests)
        && humanReadable(out.data) === inv.humanText;
      total++;
      if (ok) same++; else console.log(`DIFF ${sc.name}#${i} (${inv.peer}): ret ${out.retCode} ${out.errorMessage}`);
      if (out.data.toString('hex') === inv.data) sameBytes++;
    }
  }
  console.log(`replay: ${same}/${total} invokes gave the same outcome; ${sameBytes}/${total} byte-identical output data`);
  process.exit(same === total ? 0 : 1);
} else {
  console.error('usage: node avm-fixtures.mjs generate|replay <avm.wasm> <dir> [reencoded.json]');
  process.exit(2);
}
