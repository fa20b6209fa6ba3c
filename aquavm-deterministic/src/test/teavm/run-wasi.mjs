import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
const wasi = new WASI({ version: 'preview1', args: ['check'], env: {}, returnOnExit: true });
const mod = new WebAssembly.Module(readFileSync(process.argv[2]));
const imports = wasi.getImportObject();
for (const imp of WebAssembly.Module.imports(mod)) {
  if (!imports[imp.module]) imports[imp.module] = {};
  if (!(imp.name in imports[imp.module])) {
    if (imp.module === 'teavmMath') imports[imp.module][imp.name] = Math[imp.name];
    else console.error('missing import', imp.module, imp.name);
  }
}
const inst = new WebAssembly.Instance(mod, imports);
process.exitCode = wasi.start(inst);
