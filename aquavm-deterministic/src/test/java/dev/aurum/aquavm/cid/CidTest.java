package dev.aurum.aquavm.cid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.Base58;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CidTest {

    private static String cidOf(String json) {
        return Cid.ofJson(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The known-answer vectors of aquavm-spec.md section 6 (from AquaVM's own tests). */
    @Test
    void specVectors() {
        assertEquals("bagaaihrarcyykpv4oj7zwdbepczyfthxya4og7s2rwvrzolm5kg2eu5dz3xa", cidOf("\"test\""));
        assertEquals("bagaaihram6sitn77tquub77n2jzjgttrlwkverv44pv3gns6qghm6hx6d36a", cidOf("[1,2,3]"));
        assertEquals("bagaaihra2y55tkbgv6i4d7vdoglfuzhbd3ra6e7ennpvfrmzaejwmbntusdq", cidOf("1"));
        assertEquals("bagaaihracpzxhsrpviexa7k6glwdhyh3a4kvy6j7qlcqokzqbs3q424cmxyq", cidOf("{\"key\":42}"));
        assertEquals("bagaaihra3ijwi5gxk5odex3qfo32u5prci4giaz4ysel67m4a5hk3l432djq", cidOf("42"));
        assertEquals("bagaaihra2u6rrqrsclvhwyyalff3rg6omaqy63x7foowfc4myqwt46n32wvq", cidOf("[]"));
        assertEquals("bagaaihraryhzxrhasfve7jwovrl4rb4j45lljt5prmoci34y3i6qx7joxy2a", cidOf("[42]"));
        assertEquals("bagaaihramktnmwzskmyxlah5zyownsfxv4vt7wf2ypzwvrygb2x7o72vpfyq",
                cidOf("{\"peer_pk\":\"peer_1\",\"service_id\":\"serv..0\",\"function_name\":\"func\",\"lens\":\"\"}"));
        String tetraplet = "bagaaihrays67nve662j4pn5jdqquxlqqi5vpisgs72n4tmnrqbbnah3t5ola";
        assertEquals(tetraplet,
                cidOf("{\"peer_pk\":\"vm_peer_id\",\"service_id\":\"\",\"function_name\":\"\",\"lens\":\"\"}"));
        assertEquals("bagaaihrad3w3ebwqwgzoxyvdyq7wgxeawv2i6olczg6mnivu6fnwwm4m42oq",
                cidOf("{\"value\":\"" + cidOf("42") + "\",\"tetraplet\":\"" + tetraplet
                        + "\",\"provenance\":{\"type\":\"literal\"}}"));
        assertEquals("bagaaierajwlhumardpzj6dv2ahcerm3vyfrjwl7nahg7zq5o3eprwv6v3vpa",
                Cid.of(Cid.HashFunction.SHA2_256, "\"test\"".getBytes(StandardCharsets.UTF_8)).toString());
        // A value built in the model hashes through the compact serde_json writer.
        assertEquals(cidOf("{\"key\":42}"), Cid.ofJson(JsonValue.object(Map.of("key", JsonValue.of(42L)))).toString());
    }

    @Test
    void structCidsUseDeclarationOrder() {
        SecurityTetraplet vm = new SecurityTetraplet("vm_peer_id", "", "", "");
        assertEquals("bagaaihrays67nve662j4pn5jdqquxlqqi5vpisgs72n4tmnrqbbnah3t5ola", Cid.ofTetraplet(vm).toString());
        assertEquals("bagaaihramktnmwzskmyxlah5zyownsfxv4vt7wf2ypzwvrygb2x7o72vpfyq",
                Cid.ofTetraplet(new SecurityTetraplet("peer_1", "serv..0", "func", "")).toString());
        byte[] canonElement = JsonWriter.compactWriter().beginObject()
                .name("value").value(Cid.ofJson(JsonValue.of(42L)).toString())
                .name("tetraplet").value(Cid.ofTetraplet(vm).toString())
                .name("provenance").beginObject().name("type").value("literal").endObject()
                .endObject().toByteArray();
        assertEquals("bagaaihrad3w3ebwqwgzoxyvdyq7wgxeawv2i6olczg6mnivu6fnwwm4m42oq", Cid.ofJson(canonElement).toString());
    }

    @Test
    void binaryFormAndParsing() throws Exception {
        Cid cid = Cid.ofJson("[]".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = cid.toBytes();
        assertArrayEquals(new byte[] {0x01, (byte) 0x80, 0x04, 0x1e, 0x20}, java.util.Arrays.copyOf(bytes, 5));
        assertEquals(cid, Cid.parse(cid.toString()));
        assertEquals(cid, Cid.parse("z" + Base58.encode(bytes)));
        assertEquals(cid, Cid.fromBytes(bytes));
    }

    @Test
    void verificationAcceptsBlake3AndSha2InBase32AndBase58() throws Exception {
        byte[] content = "\"test\"".getBytes(StandardCharsets.UTF_8);
        Cid.verify("bagaaihrarcyykpv4oj7zwdbepczyfthxya4og7s2rwvrzolm5kg2eu5dz3xa", content);
        Cid.verify("bagaaierajwlhumardpzj6dv2ahcerm3vyfrjwl7nahg7zq5o3eprwv6v3vpa", content);
        Cid sha = Cid.of(Cid.HashFunction.SHA2_256, content);
        Cid.verify("z" + Base58.encode(sha.toBytes()), content);
        CidMismatchException e = assertThrows(CidMismatchException.class,
                () -> Cid.verify(cidOf("1"), content));
        assertEquals(cidOf("\"test\""), e.actualCid());
    }

    @Test
    void rejectsOtherCodecsHashesAndLengths() {
        byte[] good = Cid.ofJson(new byte[0]).toBytes();
        byte[] dagCbor = good.clone();
        dagCbor[1] = 0x71;
        byte[] dagCborCid = new byte[good.length - 1];
        dagCborCid[0] = 1;
        System.arraycopy(dagCbor, 1, dagCborCid, 0, 1);
        assertField("codec", "b" + Base32.encode(new byte[] {1, 0x71, 0x1e, 0x20, 0, 0}));
        assertField("multihash.code", "b" + Base32.encode(concat(new byte[] {1, (byte) 0x80, 4, 0x13, 0x20}, new byte[32])));
        assertField("multihash.length", "b" + Base32.encode(concat(new byte[] {1, (byte) 0x80, 4, 0x1e, 0x10}, new byte[16])));
        assertField("multihash.digest", "b" + Base32.encode(concat(new byte[] {1, (byte) 0x80, 4, 0x1e, 0x20}, new byte[31])));
        assertField("version", "b" + Base32.encode(new byte[] {2, (byte) 0x80, 4}));
        assertField("codec", "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG");
        assertField("multibase", "B" + Base32.encode(good).toUpperCase());
        assertField("multibase", "");
        assertField("multibase", "b" + Base32.encode(good) + "=");
    }

    private static void assertField(String field, String text) {
        DecodeException e = assertThrows(DecodeException.class, () -> Cid.parse(text), text);
        assertEquals(field, e.field(), e.getMessage());
        assertEquals("cid", e.format());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void fuzzParse() {
        Random random = new Random(99);
        byte[] good = Cid.ofJson(new byte[] {'1'}).toBytes();
        int ok = 0;
        for (int i = 0; i < 20000; i++) {
            byte[] bytes = good.clone();
            int flips = random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 3));
            }
            String text = switch (random.nextInt(3)) {
                case 0 -> "b" + Base32.encode(bytes);
                case 1 -> "z" + Base58.encode(bytes);
                default -> randomText(random);
            };
            try {
                Cid cid = Cid.parse(text);
                assertEquals(cid, Cid.parse(cid.toString()));
                ok++;
            } catch (DecodeException expected) {
                assertTrue(expected.getMessage().startsWith("cid"));
            }
        }
        assertTrue(ok > 0);
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(70);
        for (int i = 0; i < n; i++) {
            sb.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 'a' + random.nextInt(40)));
        }
        return sb.toString();
    }
}
