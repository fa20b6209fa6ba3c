package dev.aurum.aquavm.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MsgpackTest {

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void writerPicksSmallestEncodings() {
        assertEquals("00", hex(new MsgpackWriter().writeSigned(0).toByteArray()));
        assertEquals("7f", hex(new MsgpackWriter().writeSigned(127).toByteArray()));
        assertEquals("cc80", hex(new MsgpackWriter().writeSigned(128).toByteArray()));
        assertEquals("ccff", hex(new MsgpackWriter().writeUnsigned(255).toByteArray()));
        assertEquals("cd0100", hex(new MsgpackWriter().writeUnsigned(256).toByteArray()));
        assertEquals("ce00010000", hex(new MsgpackWriter().writeUnsigned(65536).toByteArray()));
        assertEquals("cf0000000100000000", hex(new MsgpackWriter().writeUnsigned(1L << 32).toByteArray()));
        assertEquals("cfffffffffffffffff", hex(new MsgpackWriter().writeUnsigned(-1L).toByteArray()));
        assertEquals("ff", hex(new MsgpackWriter().writeSigned(-1).toByteArray()));
        assertEquals("e0", hex(new MsgpackWriter().writeSigned(-32).toByteArray()));
        assertEquals("d0df", hex(new MsgpackWriter().writeSigned(-33).toByteArray()));
        assertEquals("d080", hex(new MsgpackWriter().writeSigned(-128).toByteArray()));
        assertEquals("d1ff7f", hex(new MsgpackWriter().writeSigned(-129).toByteArray()));
        assertEquals("d2ffff7fff", hex(new MsgpackWriter().writeSigned(-32769).toByteArray()));
        assertEquals("d3ffffffff7fffffff", hex(new MsgpackWriter().writeSigned(-2147483649L).toByteArray()));
        assertEquals("cb3ff0000000000000", hex(new MsgpackWriter().writeFloat64(1.0).toByteArray()));
        assertEquals("ca3fc00000", hex(new MsgpackWriter().writeFloat32(1.5f).toByteArray()));
        assertEquals("c0c2c3", hex(new MsgpackWriter().writeNil().writeBool(false).writeBool(true).toByteArray()));
        assertEquals("a161", hex(new MsgpackWriter().writeString("a").toByteArray()));
        assertEquals("d920" + "61".repeat(32), hex(new MsgpackWriter().writeString("a".repeat(32)).toByteArray()));
        assertEquals("da0100", hex(new MsgpackWriter().writeString("a".repeat(256)).toByteArray()).substring(0, 6));
        assertEquals("c40101", hex(new MsgpackWriter().writeBinary(new byte[] {1}).toByteArray()));
        assertEquals("c50100", hex(new MsgpackWriter().writeBinary(new byte[256]).toByteArray()).substring(0, 6));
        assertEquals("90", hex(new MsgpackWriter().writeArrayHeader(0).toByteArray()));
        assertEquals("9f", hex(new MsgpackWriter().writeArrayHeader(15).toByteArray()));
        assertEquals("dc0010", hex(new MsgpackWriter().writeArrayHeader(16).toByteArray()));
        assertEquals("8f", hex(new MsgpackWriter().writeMapHeader(15).toByteArray()));
        assertEquals("de0010", hex(new MsgpackWriter().writeMapHeader(16).toByteArray()));
        assertEquals("df00010000", hex(new MsgpackWriter().writeMapHeader(65536).toByteArray()));
    }

    @Test
    void readerReadsAllWidths() throws Exception {
        MsgpackReader r = new MsgpackReader(bytes("cfffffffffffffffff" + "d3ffffffff7fffffff" + "d0df" + "ccff" + "e0"
                + "ca3fc00000" + "cb3ff0000000000000" + "a3616263" + "c40201ff" + "c0" + "c3" + "92" + "01" + "81a17801"));
        MsgpackInteger u = r.readInteger("");
        assertEquals(-1L, u.bits());
        assertEquals(false, u.negative());
        assertEquals("18446744073709551615", u.toString());
        assertEquals(-2147483649L, r.readInteger("").bits());
        assertEquals(-33, r.readInt32(""));
        assertEquals(255, r.readUint32(""));
        assertEquals(-32, r.readInt32(""));
        assertTrue(r.nextIsFloat32());
        assertEquals(1.5, r.readDouble(""));
        assertEquals(1.0, r.readDouble(""));
        assertEquals("abc", r.readString(""));
        assertArrayEquals(new byte[] {1, (byte) 0xff}, r.readBinary(""));
        r.readNil("");
        assertEquals(true, r.readBool(""));
        r.skipValue("");
        assertEquals(0, r.remaining());
    }

    @Test
    void typedErrorsWithOffsets() {
        DecodeException e = assertThrows(DecodeException.class, () -> { MsgpackReader r = new MsgpackReader(bytes("00a1")); r.skipValue(""); r.skipValue(""); });
        assertTrue(e.getMessage().contains("declared length 1 exceeds the 0 remaining bytes"), e.getMessage());
        assertEquals(1, e.offset());
        e = assertThrows(DecodeException.class, () -> new MsgpackReader(bytes("dbffffffff00")).readString("name"));
        assertEquals("name", e.field());
        e = assertThrows(DecodeException.class, () -> new MsgpackReader(bytes("ddffffffff")).readArrayHeader("list"));
        assertTrue(e.getMessage().contains("cannot fit"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> new MsgpackReader(bytes("d40100")).skipValue("x"));
        assertTrue(e.getMessage().contains("extension"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> new MsgpackReader(bytes("c1")).skipValue("x"));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> new MsgpackReader(bytes("a2c328")).readString("s"));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertThrows(DecodeException.class, () -> new MsgpackReader(bytes("ceffffffff")).readInt32("n"));
        e = assertThrows(DecodeException.class, () -> new MsgpackReader(bytes("cf8000000000000000")).readLong("n", Long.MIN_VALUE, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> new MsgpackReader(bytes("a1")).readInteger("n"));
        assertTrue(e.getMessage().contains("expected integer but found string"), e.getMessage());
        e = assertThrows(DecodeException.class, () -> new MsgpackReader(bytes("cd01")).readInteger("n"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void skipHasADepthLimit() throws Exception {
        byte[] deep = new byte[2000];
        java.util.Arrays.fill(deep, (byte) 0x91);
        deep[deep.length - 1] = 0x00;
        DecodeException e = assertThrows(DecodeException.class, () -> new MsgpackReader(deep).skipValue("x"));
        assertTrue(e.getMessage().contains("depth limit"), e.getMessage());
        byte[] ok = new byte[1000];
        java.util.Arrays.fill(ok, (byte) 0x91);
        ok[ok.length - 1] = 0x00;
        MsgpackReader r = new MsgpackReader(ok);
        r.skipValue("x");
        assertEquals(0, r.remaining());
    }

    /** Bounded seeded fuzz: random and mutated inputs only ever fail with DecodeException. */
    @Test
    void fuzzSkipAndReads() {
        Random random = new Random(77);
        byte[] seed = bytes("83a16101a162cb3ff0000000000000a16393c0c3c40201ffdc0002a178d0df");
        for (int i = 0; i < 30000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = seed.clone();
                for (int m = 0; m < 1 + random.nextInt(3); m++) {
                    input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
            } else {
                input = new byte[random.nextInt(24)];
                random.nextBytes(input);
            }
            MsgpackReader r = new MsgpackReader(input);
            try {
                while (r.hasRemaining()) {
                    int before = r.position();
                    r.skipValue("v");
                    assertTrue(r.position() > before);
                }
            } catch (DecodeException expected) {
                assertTrue(expected.offset() >= 0 && expected.offset() <= input.length);
            }
        }
    }
}
