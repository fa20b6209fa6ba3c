// Writes src/test/resources/air/avm-0.62-verdicts.tsv from (corpus.b64, results.b64, limit) triples:
//   java -cp target/classes:target/test-classes tools/AirVerdicts.java c.b64 r.b64 300 ...
import dev.aurum.aquavm.air.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.security.MessageDigest;
import java.util.*;

public class Vectors {
    public static void main(String[] a) throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("# AIR scripts with the verdict of the real avm.wasm (@fluencelabs/avm 0.62.0, export `ast`, run in Node/V8).\n");
        sb.append("# <verdict> TAB base64(UTF-8 script). Verdicts:\n");
        sb.append("#   OK:<sha256 hex of avm.wasm's JSON AST>   accepted\n");
        sb.append("#   ERR:<line>:<col>   rejected; codespan header position of AquaVM's report\n");
        sb.append("#   ERR~:<line>:<col>  rejected; AquaVM's header points elsewhere than our first error (several\n");
        sb.append("#                      errors after LALRPOP recovery, incl. validator errors on the partial AST)\n");
        sb.append("#   TRAP               avm.wasm panics (Wasm trap)\n");
        int n = 0;
        for (int k = 0; k + 2 < a.length; k += 3) {
            List<String> in = Files.readAllLines(Path.of(a[k]));
            List<String> out = Files.readAllLines(Path.of(a[k + 1]));
            int limit = Integer.parseInt(a[k + 2]);
            for (int i = 0; i < Math.min(limit, in.size()); i++) {
                String air = new String(Base64.getDecoder().decode(in.get(i)), StandardCharsets.UTF_8);
                String res = new String(Base64.getDecoder().decode(out.get(i)), StandardCharsets.UTF_8);
                String verdict;
                if (res.startsWith("TRAP")) verdict = "TRAP";
                else if (res.startsWith("error")) {
                    int at = res.indexOf("script.air:") + 11;
                    String loc = res.substring(at, res.indexOf('\n', at));
                    String mine = "";
                    try { AirParser.parse(air); } catch (AirParseException e) { mine = e.first().line() + ":" + e.first().column(); }
                    verdict = (loc.equals(mine) ? "ERR:" : "ERR~:") + loc;
                } else {
                    byte[] h = MessageDigest.getInstance("SHA-256").digest(res.getBytes(StandardCharsets.UTF_8));
                    verdict = "OK:" + HexFormat.of().formatHex(h);
                }
                sb.append(verdict).append('\t').append(in.get(i)).append('\n');
                n++;
            }
        }
        Files.writeString(Path.of("src/test/resources/air/avm-0.62-verdicts.tsv"), sb.toString());
        System.out.println(n);
    }
}
