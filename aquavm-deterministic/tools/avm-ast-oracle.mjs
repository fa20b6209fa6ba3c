// Runs the real avm.wasm (@fluencelabs/avm 0.62.0) `ast` export over many AIR scripts, in Node/V8.
// Usage: node avm-ast-oracle.mjs avm.wasm < scripts.b64 > results.b64   (one base64 UTF-8 script per line;
// each output line is base64 of ast(script): JSON AST, the codespan error text, or "TRAP <message>").
import fs from 'fs';
const bytes = fs.readFileSync(process.argv[2]);
let mem;
const wasi = {
  clock_time_get: (id, prec, out) => { new DataView(mem.buffer).setBigUint64(out, 0n, true); return 0; },
  fd_write: (fd, iovs, n, out) => { const d = new DataView(mem.buffer); let t = 0; for (let i = 0; i < n; i++) t += d.getUint32(iovs + 8 * i + 4, true); d.setUint32(out, t, true); return 0; },
  sched_yield: () => 0,
  random_get: (p, l) => { new Uint8Array(mem.buffer, p, l).fill(7); return 0; },
  environ_get: () => 0,
  environ_sizes_get: (a, b) => { const d = new DataView(mem.buffer); d.setUint32(a, 0, true); d.setUint32(b, 0, true); return 0; },
  proc_exit: (c) => { throw new Error('proc_exit ' + c); },
};
const { instance } = await WebAssembly.instantiate(bytes, {
  wasi_snapshot_preview1: wasi,
  __marine_host_api_v3: { log_utf8_string: () => {} },
});
const e = instance.exports;
mem = e.memory;
e._start();
const lines = fs.readFileSync(0, 'utf8').split('\n'); if (lines[lines.length - 1] === '') lines.pop();
const out = [];
for (const line of lines) {
  const air = Buffer.from(line, 'base64');
  let res;
  try {
    let ptr = 0;
    if (air.length > 0) {
      ptr = e.allocate(air.length, 1);
      new Uint8Array(mem.buffer, ptr, air.length).set(air);
    }
    e.ast(ptr, air.length);
    const rp = e.get_result_ptr(), rs = e.get_result_size();
    res = Buffer.from(new Uint8Array(mem.buffer, rp, rs)).toString('utf8');
    e.release_objects();
  } catch (err) {
    res = 'TRAP ' + err.message;
  }
  out.push(Buffer.from(res, 'utf8').toString('base64'));
}
fs.writeFileSync(1, out.join('\n') + '\n');
