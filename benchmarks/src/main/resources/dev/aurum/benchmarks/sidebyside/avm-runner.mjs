// Runs avm.wasm (the pinned @fluencelabs/avm 0.62.0 module) under Node/V8 through its raw Marine ABI,
// driven over stdin/stdout by dev.aurum.benchmarks.sidebyside.NodeAvm: one JSON request per line in,
// one JSON response per line out. Like ReferenceAquaVm, every invoke gets a fresh instance with the same
// deterministic imports (zero random bytes, clock at the epoch, no environment, output discarded), so
// the timings of both hosts cover the same work: instantiate + _start + invoke + read the outcome.
//
// Request:  {"id": n, "air": text, "prev_data": hex, "data": hex, "params": {...transcript params...},
//            "call_results": hex}
// Response: {"id": n, "nanos": "<instantiate+invoke time>", "out": {"ret_code", "error_message",
//            "data": hex, "next_peer_pks": [..], "call_requests": hex, "..._limit_exceeded": bool}}
//           or {"id": n, "error": text}
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const wasmPath = process.argv[2];
if (!wasmPath) {
  process.stderr.write('usage: node avm-runner.mjs AVM_WASM\n');
  process.exit(2);
}
const module = new WebAssembly.Module(readFileSync(wasmPath));
const RUN_PARAMETERS_SIZE = 70;

function deterministicImports(memoryOf) {
  const view = () => new DataView(memoryOf().buffer);
  return {
    wasi_snapshot_preview1: {
      clock_time_get: (_id, _precision, out) => { view().setBigUint64(out, 0n, true); return 0; },
      fd_write: (_fd, iovs, count, written) => {
        let total = 0;
        for (let i = 0; i < count; i++) total += view().getUint32(iovs + 8 * i + 4, true);
        view().setUint32(written, total, true);
        return 0;
      },
      sched_yield: () => 0,
      random_get: (buf, len) => { new Uint8Array(memoryOf().buffer, buf, len).fill(0); return 0; },
      environ_get: () => 0,
      environ_sizes_get: (count, size) => { view().setUint32(count, 0, true); view().setUint32(size, 0, true); return 0; },
      proc_exit: (code) => { throw new Error('avm.wasm called proc_exit(' + code + ')'); },
    },
    __marine_host_api_v3: { log_utf8_string: () => {} },
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function hexToBytes(hex) {
  if (hex.length % 2 !== 0) throw new Error('odd hex length');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

/** One invoke on a fresh instance; returns [nanos, outcome]. */
function invoke(req) {
  const air = encoder.encode(req.air);
  const prev = hexToBytes(req.prev_data);
  const data = hexToBytes(req.data);
  const results = hexToBytes(req.call_results);
  const p = req.params;
  const initPeer = encoder.encode(p.init_peer_id);
  const currentPeer = encoder.encode(p.current_peer_id);
  const secret = hexToBytes(p.secret_key_bytes);
  const particleId = encoder.encode(p.particle_id);

  const start = process.hrtime.bigint();
  let instance;
  const imports = deterministicImports(() => instance.exports.memory);
  instance = new WebAssembly.Instance(module, imports);
  const ex = instance.exports;
  ex._start();
  // Buffers handed to the module must come from its own allocator: it takes ownership and frees them.
  const lower = (bytes) => {
    if (bytes.length === 0) return 0;
    const ptr = ex.allocate(bytes.length, 1);
    new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
    return ptr;
  };
  const airPtr = lower(air), prevPtr = lower(prev), dataPtr = lower(data), resultsPtr = lower(results);
  const record = new DataView(new ArrayBuffer(RUN_PARAMETERS_SIZE));
  const field = (offset, bytes) => { record.setUint32(offset, lower(bytes), true); record.setUint32(offset + 4, bytes.length, true); };
  field(0, initPeer);
  field(8, currentPeer);
  record.setBigUint64(16, BigInt(p.timestamp), true);
  record.setUint32(24, Number(p.ttl), true);
  record.setUint8(28, p.key_format);
  field(29, secret);
  field(37, particleId);
  record.setBigUint64(45, BigInt(p.air_size_limit), true);
  record.setBigUint64(53, BigInt(p.particle_size_limit), true);
  record.setBigUint64(61, BigInt(p.call_result_size_limit), true);
  record.setUint8(69, p.hard_limit_enabled ? 1 : 0);
  const paramsPtr = lower(new Uint8Array(record.buffer));

  ex.invoke(airPtr, air.length, prevPtr, prev.length, dataPtr, data.length, paramsPtr, resultsPtr, results.length);

  const outPtr = ex.get_result_ptr();
  const mem = () => new DataView(ex.memory.buffer);
  const slice = (offset) => {
    const ptr = mem().getUint32(outPtr + offset, true);
    const len = mem().getUint32(outPtr + offset + 4, true);
    return new Uint8Array(ex.memory.buffer, ptr, len).slice();
  };
  const retCode = mem().getBigInt64(outPtr, true);
  const errorMessage = decoder.decode(slice(8));
  const outData = slice(16);
  const peersPtr = mem().getUint32(outPtr + 24, true);
  const peersCount = mem().getUint32(outPtr + 28, true);
  const nextPeers = [];
  for (let i = 0; i < peersCount; i++) {
    const ptr = mem().getUint32(peersPtr + 8 * i, true);
    const len = mem().getUint32(peersPtr + 8 * i + 4, true);
    nextPeers.push(decoder.decode(new Uint8Array(ex.memory.buffer, ptr, len)));
  }
  const callRequests = slice(32);
  const limitFlags = [40, 41, 42].map((offset) => mem().getUint8(outPtr + offset) !== 0);
  ex.release_objects();
  const nanos = process.hrtime.bigint() - start;
  return [nanos, {
    ret_code: Number(retCode),
    error_message: errorMessage,
    data: Buffer.from(outData).toString('hex'),
    next_peer_pks: nextPeers,
    call_requests: Buffer.from(callRequests).toString('hex'),
    air_size_limit_exceeded: limitFlags[0],
    particle_size_limit_exceeded: limitFlags[1],
    call_result_size_limit_exceeded: limitFlags[2],
  }];
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
process.stdout.write(JSON.stringify({ ready: true, node: process.version, v8: process.versions.v8 }) + '\n');
for await (const line of rl) {
  if (line.length === 0) continue;
  let id = null;
  try {
    const req = JSON.parse(line);
    id = req.id;
    const [nanos, out] = invoke(req);
    process.stdout.write(JSON.stringify({ id, nanos: nanos.toString(), out }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ id, error: String(e && e.stack || e) }) + '\n');
  }
}
