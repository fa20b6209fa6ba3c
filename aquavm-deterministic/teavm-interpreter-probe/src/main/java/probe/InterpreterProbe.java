package probe;

import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.interpreter.JavaAquaVm;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** Runs a two-peer scenario through JavaAquaVm and prints digests of every outcome (JVM vs Wasm check). */
public final class InterpreterProbe {

    public static void main(String[] args) {
        byte[] aliceSeed = seed(1);
        byte[] bobSeed = seed(2);
        String alice = KeyPair.fromSeed(aliceSeed).peerId().toString();
        String bob = KeyPair.fromSeed(bobSeed).peerId().toString();
        String air = "(seq (seq (call %init_peer_id% (\"s\" \"f\") [] xs) (fold xs x (par (call x (\"s\" \"f\") [x 1.5] $r) (next x))))"
                + " (seq (canon %init_peer_id% $r #res) (xor (call %init_peer_id% (\"fail\" \"f\") [#res] y)"
                + " (call %init_peer_id% (\"s\" \"f\") [%last_error% #res.$.[0]] z))))";
        JavaAquaVm vm = new JavaAquaVm();
        StringBuilder out = new StringBuilder();
        RunParameters pa = RunParameters.of(alice, alice, 1700000000000L, 60000, aliceSeed, "particle");
        RunParameters pb = RunParameters.of(alice, bob, 1700000000000L, 60000, bobSeed, "particle");
        InterpreterOutcome a1 = vm.invoke(air, new byte[0], new byte[0], pa, results(Map.of()));
        report(out, "a1", a1);
        InterpreterOutcome a2 = vm.invoke(air, a1.data(), new byte[0], pa,
                results(Map.of("1", CallServiceResult.ok("[\"" + alice + "\",\"" + bob + "\"]"))));
        report(out, "a2", a2);
        InterpreterOutcome b1 = vm.invoke(air, new byte[0], a2.data(), pb, results(Map.of()));
        report(out, "b1", b1);
        InterpreterOutcome b2 = vm.invoke(air, b1.data(), new byte[0], pb,
                results(Map.of("1", CallServiceResult.ok("{\"k\":[1,2.25e-3,\"é\"]}"))));
        report(out, "b2", b2);
        InterpreterOutcome a3 = vm.invoke(air, a2.data(), b2.data(), pa,
                results(Map.of("2", CallServiceResult.ok("\"mine\""))));
        report(out, "a3", a3);
        InterpreterOutcome a4 = vm.invoke(air, a3.data(), new byte[0], pa,
                results(Map.of("3", new CallServiceResult(9, "no"))));
        report(out, "a4", a4);
        System.out.print(out);
    }

    private static void report(StringBuilder out, String step, InterpreterOutcome o) {
        out.append(step).append(" ret=").append(o.retCode()).append(" msg=").append(o.errorMessage())
                .append(" peers=").append(o.nextPeerPks()).append(" data=").append(hex(sha(o.data())))
                .append(" requests=").append(hex(sha(o.callRequests()))).append('\n');
    }

    private static byte[] results(Map<String, CallServiceResult> r) {
        return CallResults.encode(new TreeMap<>(r));
    }

    private static byte[] seed(int n) {
        byte[] s = new byte[32];
        s[0] = (byte) n;
        return s;
    }

    private static byte[] sha(byte[] b) {
        SHA256Digest d = new SHA256Digest();
        d.update(b, 0, b.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return sb.toString();
    }
}
