// Differential check of AirParser against avm-ast-oracle.mjs output. Run from aquavm-deterministic/ after mvn verify:
//   java -cp target/classes:target/test-classes tools/AirDiff.java dump <seed> <count> corpus.b64
//   node tools/avm-ast-oracle.mjs avm.wasm < corpus.b64 > results.b64
//   java -cp target/classes:target/test-classes tools/AirDiff.java cmp corpus.b64 results.b64
import dev.aurum.aquavm.air.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public class Diff {
    public static void main(String[] a) throws Exception {
        if (a[0].equals("dump")) {
            long seed = Long.parseLong(a[1]); int n = Integer.parseInt(a[2]);
            RandomAirGenerator g = new RandomAirGenerator(seed);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String s = switch (i % 4) { case 0 -> g.wellFormed(); case 1 -> g.broken(); case 2 -> g.semanticallyBroken(); default -> g.tokenSoup(); };
                sb.append(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))).append('\n');
            }
            Files.writeString(Path.of(a[3]), sb.toString());
            return;
        }
        List<String> in = Files.readAllLines(Path.of(a[1]));
        List<String> out = Files.readAllLines(Path.of(a[2]));
        int mismatch = 0, posMismatch = 0, okBoth = 0, errBoth = 0, jsonMismatch = 0, trapBoth = 0;
        for (int i = 0; i < in.size(); i++) {
            String air = new String(Base64.getDecoder().decode(in.get(i)), StandardCharsets.UTF_8);
            String res = new String(Base64.getDecoder().decode(out.get(i)), StandardCharsets.UTF_8);
            boolean refOk = !res.startsWith("error") && !res.startsWith("TRAP");
            String ours; boolean ourOk; AirParseException ex = null;
            try { AirParser.parse(air); ourOk = true; ours = "OK"; }
            catch (AirParseException e) { ourOk = false; ex = e; ours = e.first().kind() + " " + e.first().line() + ":" + e.first().column(); }
            if (refOk != ourOk || (res.startsWith("TRAP") != (ex != null && ex.first().kind() == AirParseError.Kind.AQUAVM_PANICS))) {
                mismatch++;
                if (mismatch <= 6) System.out.println("MISMATCH #" + i + "\n" + air + "\n  ref: " + res.replace("\n", "\n  ") + "\n  ours: " + ours + (ex != null ? " " + ex.first().message() : ""));
            } else if (res.startsWith("TRAP")) {
                trapBoth++;
            } else if (!refOk) {
                errBoth++;
                String loc = res.substring(res.indexOf("script.air:") + 11, res.indexOf('\n', res.indexOf("script.air:")));
                String mine = ex.first().line() + ":" + ex.first().column();
                if (!loc.equals(mine)) { posMismatch++; if (posMismatch <= 20) System.out.println("POS #" + i + " ref " + loc + " ours " + mine + " " + ex.first().kind() + "\n" + air + "\n  ref: " + res.replace("\n", "\n  ")); }
            } else {
                okBoth++;
                try {
                    String mineJson = AirAstJson.render(AirParser.parse(air));
                    if (!mineJson.equals(res)) { jsonMismatch++; if (jsonMismatch <= 5) System.out.println("JSON #" + i + "\n" + air + "\n ref " + res + "\n our " + mineJson); }
                } catch (AirParseException e) { throw new RuntimeException(e); }
            }
        }
        System.out.println("total " + in.size() + " acceptMismatch " + mismatch + " bothOk " + okBoth + " bothErr " + errBoth + " firstPosMismatch " + posMismatch + " jsonMismatch " + jsonMismatch + " trapBoth " + trapBoth);
    }
}
