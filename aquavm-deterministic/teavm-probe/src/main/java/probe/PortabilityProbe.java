package probe;

import dev.aurum.aquavm.cid.Cid;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.DataSignatureMessage;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.ParticleSignature;
import dev.aurum.aquavm.crypto.PeerId;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import dev.aurum.aquavm.json.RyuFormat;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.DataEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;

public final class PortabilityProbe {

    private static long state = 0x9E3779B97F4A7C15L;

    private static long next() {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return state;
    }

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        SHA256Digest floats = new SHA256Digest();
        SHA256Digest parsed = new SHA256Digest();
        for (int i = 0; i < 3000; i++) {
            double v = Double.longBitsToDouble(next());
            if (v != v || Double.isInfinite(v)) {
                continue;
            }
            String text = RyuFormat.format(v);
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            floats.update(b, 0, b.length);
            if (i < 5) {
                out.append("ryu ").append(text).append('\n');
            }
            try {
                for (JsonParser.FloatParsing mode : JsonParser.FloatParsing.values()) {
                    JsonValue back = JsonParser.parse(b, mode);
                    byte[] w = JsonWriter.compact(back);
                    parsed.update(w, 0, w.length);
                }
                // 20+ digit decimals exercise the serde u64 truncation and the exact path.
                String longer = Long.toUnsignedString(next()) + Long.toUnsignedString(next()) + "e" + ((int) (next() % 300));
                for (JsonParser.FloatParsing mode : JsonParser.FloatParsing.values()) {
                    byte[] w = JsonWriter.compact(JsonParser.parse(longer.getBytes(StandardCharsets.UTF_8), mode));
                    parsed.update(w, 0, w.length);
                }
            } catch (DecodeException e) {
                byte[] m = e.getMessage().getBytes(StandardCharsets.UTF_8);
                parsed.update(m, 0, m.length);
            }
        }
        out.append("floats ").append(hex(floats)).append('\n');
        out.append("parsed ").append(hex(parsed)).append('\n');
        out.append("2.2250738585072012e-308 ").append(bits("2.2250738585072012e-308")).append('\n');
        out.append("0.1 ").append(bits("0.1")).append(" 1e23 ").append(RyuFormat.format(1e23)).append('\n');
        for (String bad : new String[] {"", "x", "[1,]", "{\"a\" 1}", "\"\\ud800x\"", "1e400", "[".repeat(130)}) {
            try {
                JsonParser.parse(bad);
            } catch (DecodeException e) {
                out.append("error ").append(e.getMessage()).append('\n');
            }
        }
        try {
            JsonValue v = JsonParser.parse("{\"b\":[1,-2,3.5e-7,\"\\u0001\u00e9\ud83d\ude00\"],\"\ue000\":{},\"a\":18446744073709551615}");
            out.append(JsonWriter.toCompactString(v)).append('\n').append(JsonWriter.toPrettyString(v)).append('\n');
            out.append("cid ").append(Cid.ofJson(v)).append(' ').append(Cid.ofJson("\"test\"".getBytes(StandardCharsets.UTF_8))).append('\n');
            Cid.verify("bagaaierajwlhumardpzj6dv2ahcerm3vyfrjwl7nahg7zq5o3eprwv6v3vpa", "\"test\"".getBytes(StandardCharsets.UTF_8));
            KeyPair k = KeyPair.fromSeed(hexBytes("ee1e3c3d0fdfd6b4bd4f169c9a0383c5b0f8d8897d077282d75ee3bce3e9a4f1"));
            out.append("peer ").append(k.peerId()).append('\n');
            out.append("sig ").append(ParticleSignature.sign(k, "2883f959-e9e7-4843-8c37-205d393ca372", 1696934545662L, 7000, "abc")).append('\n');
            out.append("peer parse ").append(PeerId.parse(k.peerId().toString()).publicKey()).append('\n');
            out.append("data sig ").append(DataSignatureMessage.sign(KeyPair.forTestName("alice"), List.of("b", "a"), "p")).append('\n');
            out.append("results ").append(CallResults.decode(hexBytes("810481a13182a87265745f636f646500a6726573756c74a72268656c6c6f22"))).append('\n');
            byte[] req = CallRequests.encode(java.util.Map.of(3L, new dev.aurum.aquavm.sede.CallRequestParams("s", "f", v.asObject().get("b").asArray(),
                    List.of(List.of(dev.aurum.aquavm.data.SecurityTetraplet.literal("p"))))));
            out.append("requests ").append(toHex(req)).append(' ').append(CallRequests.decode(req).get(3L).arguments()).append('\n');
            out.append("envelope ").append(DataEnvelope.decode(new DataEnvelope("0.17.2", "0.62.0", new byte[] {1}).encode()).isInterpreterVersionSupported()).append('\n');
        } catch (Exception e) {
            out.append("unexpected ").append(e).append('\n');
        }
        System.out.print(out);
    }

    private static String bits(String s) {
        try {
            return Long.toHexString(Double.doubleToRawLongBits(((dev.aurum.aquavm.json.JsonFloat) JsonParser.parse(
                    s.getBytes(StandardCharsets.UTF_8), JsonParser.FloatParsing.CORRECTLY_ROUNDED)).value()));
        } catch (DecodeException e) {
            return e.getMessage();
        }
    }

    private static String hex(SHA256Digest d) {
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return toHex(out);
    }

    private static String toHex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append("0123456789abcdef".charAt((x >> 4) & 15)).append("0123456789abcdef".charAt(x & 15));
        }
        return sb.toString();
    }

    private static byte[] hexBytes(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
