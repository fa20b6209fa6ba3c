package dev.aurum.proofs.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCodecTest {

    @Test
    void roundTripsAndIsDeterministic() throws DecodeException {
        SignedTrace t = SampleTraces.twoHops();
        byte[] once = TraceCodec.encode(t);
        byte[] twice = TraceCodec.encode(SampleTraces.twoHops());
        assertArrayEquals(once, twice);
        SignedTrace back = TraceCodec.decode(once);
        assertEquals(t.particle(), back.particle());
        assertEquals(t.hops(), back.hops());
        assertEquals(t.blobs().hashes(), back.blobs().hashes());
        assertArrayEquals(once, TraceCodec.encode(back));
    }

    @Test
    void startsWithCanonicalTopLevelMap() {
        byte[] b = TraceCodec.encode(SampleTraces.twoHops());
        // a4 = map(4), 61 76 = "v", 01 = 1, 64 "hops"
        assertEquals(0xa4, b[0] & 0xFF);
        assertArrayEquals(new byte[] {0x61, 0x76, 0x01, 0x64, 'h', 'o', 'p', 's'}, Arrays.copyOfRange(b, 1, 9));
    }

    @Test
    void rejectsNonShortestInteger() {
        byte[] b = TraceCodec.encode(SampleTraces.twoHops());
        // "v": 1 written as 0x18 0x01 (one-byte argument) instead of 0x01
        byte[] longer = new byte[b.length + 1];
        System.arraycopy(b, 0, longer, 0, 3);
        longer[3] = 0x18;
        longer[4] = 0x01;
        System.arraycopy(b, 4, longer, 5, b.length - 4);
        DecodeException e = assertThrows(DecodeException.class, () -> TraceCodec.decode(longer));
        assertTrue(e.getMessage().contains("canonical"), e.getMessage());
        assertEquals(3, e.offset());
    }

    @Test
    void rejectsIndefiniteLengthMap() {
        byte[] b = TraceCodec.encode(SampleTraces.twoHops());
        byte[] indefinite = new byte[b.length + 1];
        indefinite[0] = (byte) 0xbf;
        System.arraycopy(b, 1, indefinite, 1, b.length - 1);
        indefinite[b.length] = (byte) 0xff;
        DecodeException e = assertThrows(DecodeException.class, () -> TraceCodec.decode(indefinite));
        assertTrue(e.getMessage().contains("indefinite"), e.getMessage());
    }

    @Test
    void rejectsWrongKeyOrder() {
        byte[] b = TraceCodec.encode(SampleTraces.twoHops());
        byte[] swapped = b.clone();
        swapped[2] = 'x'; // "v" -> "x": an unknown key where "v" belongs
        DecodeException e = assertThrows(DecodeException.class, () -> TraceCodec.decode(swapped));
        assertTrue(e.getMessage().contains("expected key \"v\""), e.getMessage());
    }

    @Test
    void rejectsTrailingBytesAndTruncation() {
        byte[] b = TraceCodec.encode(SampleTraces.twoHops());
        byte[] trailing = Arrays.copyOf(b, b.length + 1);
        assertThrows(DecodeException.class, () -> TraceCodec.decode(trailing));
        for (int cut : new int[] {0, 1, b.length / 3, b.length / 2, b.length - 1}) {
            byte[] truncated = Arrays.copyOf(b, cut);
            DecodeException e = assertThrows(DecodeException.class, () -> TraceCodec.decode(truncated));
            assertEquals("trace", e.format());
        }
    }

    @Test
    void rejectsMissingAndUnreferencedBlobs() {
        SignedTrace t = SampleTraces.twoHops();
        BlobStore.Builder fewer = BlobStore.builder();
        for (ContentHash h : t.blobs().hashes()) {
            if (!h.equals(t.hops().get(1).rounds().get(1).data())) {
                fewer.copy(t.blobs(), h);
            }
        }
        DecodeException missing = assertThrows(DecodeException.class,
                () -> TraceCodec.decode(TraceCodec.encode(new SignedTrace(t.particle(), t.hops(), fewer.build()))));
        assertEquals("hops[1].rounds[1].data", missing.field());

        BlobStore.Builder more = BlobStore.builder();
        for (ContentHash h : t.blobs().hashes()) {
            more.copy(t.blobs(), h);
        }
        more.add(new byte[] {1, 2, 3});
        DecodeException unused = assertThrows(DecodeException.class,
                () -> TraceCodec.decode(TraceCodec.encode(new SignedTrace(t.particle(), t.hops(), more.build()))));
        assertEquals("blobs", unused.field());
    }

    @Test
    void rejectsMisnumberedHops() {
        SignedTrace t = SampleTraces.twoHops();
        Hop h1 = t.hops().get(1);
        Hop renumbered = new Hop(5, h1.peer(), h1.from(), h1.time(), h1.incoming(), h1.prev(), h1.rounds(), h1.link(),
                h1.signature());
        DecodeException e = assertThrows(DecodeException.class, () -> TraceCodec.decode(
                TraceCodec.encode(new SignedTrace(t.particle(), List.of(t.hops().get(0), renumbered), t.blobs()))));
        assertEquals("hops[1].index", e.field());
    }

    @Test
    void rejectsOversizedFields() {
        SignedTrace t = SampleTraces.twoHops();
        Hop h0 = t.hops().get(0);
        Hop longPeer = new Hop(0, "x".repeat(TraceLimits.MAX_PEER_ID_BYTES + 1), -1, h0.time(), h0.incoming(),
                h0.prev(), h0.rounds(), h0.link(), h0.signature());
        DecodeException e = assertThrows(DecodeException.class, () -> TraceCodec.decode(
                TraceCodec.encode(new SignedTrace(t.particle(), List.of(longPeer, t.hops().get(1)), t.blobs()))));
        assertEquals("hops[0].peer", e.field());
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
        assertThrows(DecodeException.class, () -> TraceCodec.decode(new byte[TraceLimits.MAX_TRACE_BYTES + 1]));
    }

    @Test
    void hostileDeclaredLengthsDoNotAllocate() {
        // map(4) "v" 1 "hops" array(2^32-1): must fail on the bound, not try to read 4 billion hops
        byte[] hostile = {(byte) 0xa4, 0x61, 'v', 0x01, 0x64, 'h', 'o', 'p', 's', (byte) 0x9a,
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        DecodeException e = assertThrows(DecodeException.class, () -> TraceCodec.decode(hostile));
        assertEquals("hops", e.field());
        // a byte string claiming 2^31 bytes inside a 20-byte input
        byte[] bigBlob = {(byte) 0xa4, 0x61, 'v', 0x01, 0x64, 'h', 'o', 'p', 's', (byte) 0x80,
            0x65, 'b', 'l', 'o', 'b', 's', (byte) 0x81, 0x5a, (byte) 0x80, 0, 0, 0};
        assertThrows(DecodeException.class, () -> TraceCodec.decode(bigBlob));
    }
}
