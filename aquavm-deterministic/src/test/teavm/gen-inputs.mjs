// Writes src/main/java/check/Inputs.java: the output data (envelopes) of every recorded invoke.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
const dir = new URL('../resources/rkyv/', import.meta.url);
const out = [];
for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  for (const inv of JSON.parse(readFileSync(new URL(f, dir), 'utf8')).invokes) {
    if (inv.data.length) out.push(inv.data);
  }
}
// Split long hex into chunks: a class-file string constant holds at most 65535 bytes.
const body = out.map((h) => '  {' + h.match(/.{1,60000}/g).map((c) => `"${c}"`).join(',') + '}').join(',\n');
writeFileSync(new URL('src/main/java/check/Inputs.java', import.meta.url),
  `package check;\n\nfinal class Inputs {\n    static final String[][] HEX = {\n${body}\n    };\n}\n`);
console.log(out.length + ' inputs');
