// Build step: checks the sha256 of the npm-fetched avm.wasm and copies it onto the classpath.
// Usage: node verify-avm-wasm.mjs <wasm> <expected-sha256-hex> <destination>
import { createHash } from 'node:crypto';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [source, expected, destination] = process.argv.slice(2);
if (!source || !expected || !destination) {
  console.error('usage: node verify-avm-wasm.mjs <wasm> <expected-sha256-hex> <destination>');
  process.exit(2);
}
let bytes;
try {
  bytes = readFileSync(source);
} catch (e) {
  console.error(`avm.wasm not found at ${source} (did npm ci run?): ${e.message}`);
  process.exit(1);
}
const actual = createHash('sha256').update(bytes).digest('hex');
if (actual !== expected.toLowerCase()) {
  console.error(`avm.wasm sha256 mismatch for ${source}: expected ${expected.toLowerCase()}, actual ${actual}`);
  process.exit(1);
}
mkdirSync(dirname(destination), { recursive: true });
writeFileSync(destination, bytes);
console.log(`avm.wasm ${bytes.length} bytes, sha256 ${actual} verified, copied to ${destination}`);
