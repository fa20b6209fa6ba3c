// Compiles Solidity with the pinned npm solc (solcjs, no downloads) through standard JSON, writes
// <Contract>.abi / <Contract>.bin for every contract with a public ABI, and checks that the bytecode
// matches the sha256 recorded in a committed checksum file, so any change in compiler output fails the build.
//
// usage: node scripts/compile.mjs <baseDir> <sourceDir> <outDir> <checksumFile>
//   sourceDir is relative to baseDir; imports resolve relative to baseDir.
//   UPDATE_BYTECODE_CHECKSUMS=1 rewrites the checksum file instead of checking it.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const solc = require('solc');

const EVM_VERSION = 'cancun';       // pinned: solc 0.8.37 defaults to osaka
const OPTIMIZER_RUNS = 200;          // pinned
const EXPECTED_SOLC = '0.8.37+commit.f401782d.Emscripten.clang';

const [baseDir, sourceDir, outDir, checksumFile] = process.argv.slice(2);
if (!checksumFile) {
  console.error('usage: node scripts/compile.mjs <baseDir> <sourceDir> <outDir> <checksumFile>');
  process.exit(2);
}
if (solc.version() !== EXPECTED_SOLC) {
  console.error(`solc ${solc.version()} found, ${EXPECTED_SOLC} expected (run npm ci)`);
  process.exit(1);
}

const sources = {};
for (const file of fs.readdirSync(path.join(baseDir, sourceDir)).sort()) {
  if (file.endsWith('.sol')) {
    const unit = path.posix.join(sourceDir, file);
    sources[unit] = { content: fs.readFileSync(path.join(baseDir, unit), 'utf8') };
  }
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: EVM_VERSION,
    optimizer: { enabled: true, runs: OPTIMIZER_RUNS },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

function findImports(unit) {
  const file = path.join(baseDir, unit);
  if (!path.resolve(file).startsWith(path.resolve(baseDir))) {
    return { error: `import outside ${baseDir}: ${unit}` };
  }
  try {
    return { contents: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    return { error: `cannot read ${unit}: ${e.message}` };
  }
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
let failed = false;
for (const diagnostic of output.errors ?? []) {
  const text = diagnostic.formattedMessage ?? diagnostic.message;
  if (diagnostic.severity === 'error') {
    failed = true;
    console.error(text);
  } else if (!/transient storage/i.test(text)) {
    console.warn(text);
  }
}
if (failed) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
const checksums = {};
for (const unit of Object.keys(sources)) {
  for (const [name, contract] of Object.entries(output.contracts[unit] ?? {})) {
    // internal-only libraries are inlined; interfaces have no bytecode
    if (contract.abi.length === 0 || contract.evm.bytecode.object.length === 0) continue;
    const bin = contract.evm.bytecode.object;
    fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(contract.abi));
    fs.writeFileSync(path.join(outDir, `${name}.bin`), bin);
    checksums[name] = crypto.createHash('sha256').update(bin).digest('hex');
  }
}

const rendered = Object.keys(checksums).sort().map((n) => `${checksums[n]}  ${n}.bin`).join('\n') + '\n';
if (process.env.UPDATE_BYTECODE_CHECKSUMS === '1') {
  fs.writeFileSync(checksumFile, rendered);
  console.log(`wrote ${checksumFile}`);
} else {
  const expected = fs.existsSync(checksumFile) ? fs.readFileSync(checksumFile, 'utf8') : '';
  if (expected !== rendered) {
    console.error(`Bytecode differs from ${checksumFile}.\n--- expected\n${expected}--- actual\n${rendered}` +
      'If you changed Solidity sources on purpose, run with UPDATE_BYTECODE_CHECKSUMS=1 and commit the file; ' +
      'otherwise the compiler output is not deterministic.');
    process.exit(1);
  }
}
console.log(`compiled ${Object.keys(checksums).length} contracts from ${sourceDir} (solc ${solc.version()}, ${EVM_VERSION})`);
