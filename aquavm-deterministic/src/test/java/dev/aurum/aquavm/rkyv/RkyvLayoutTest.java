package dev.aurum.aquavm.rkyv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.CallResult;
import dev.aurum.aquavm.data.CanonCidAggregate;
import dev.aurum.aquavm.data.CanonResult;
import dev.aurum.aquavm.data.CanonResultCidAggregate;
import dev.aurum.aquavm.data.CidInfo;
import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;
import dev.aurum.aquavm.data.ExecutedState;
import dev.aurum.aquavm.data.FoldSubTraceLore;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.data.Sender;
import dev.aurum.aquavm.data.ServiceResultCidAggregate;
import dev.aurum.aquavm.data.SignatureStore;
import dev.aurum.aquavm.data.SubTraceDesc;
import dev.aurum.aquavm.data.ValueRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Byte-level known answers and the validation rules of the rkyv codec. */
class RkyvLayoutTest {

    private static final String CLIENT = "12D3KooWJqJtUjn24kLriPEG1koGzFPsydiHAw6fMqTgBfBmF7GS";

    private static InterpreterData data(List<ExecutedState> trace, CidInfo cidInfo) {
        return new InterpreterData(trace, 0, cidInfo, SignatureStore.EMPTY);
    }

    private static ExecutedState scalar(String cid) {
        return new ExecutedState.Call(new CallResult.Executed(new ValueRef.Scalar(cid)));
    }

    @Test
    void emptyDataIsARootWhoseEmptyVecsPointAtTheirOwnStart() throws DecodeException {
        byte[] expected = Fixtures.hex("00000000" + "00000000" + "00000000"
                + "fffffff4" + "00000000" + "ffffffec" + "00000000" + "ffffffe4" + "00000000"
                + "ffffffdc" + "00000000" + "ffffffd4" + "00000000" + "ffffffcc" + "00000000");
        assertArrayEquals(expected, InterpreterDataRkyv.encode(InterpreterData.EMPTY));
        assertEquals(InterpreterData.EMPTY, InterpreterDataRkyv.decode(expected));
    }

    @Test
    void decodesTheEnginesFirstSingleCallHop() throws DecodeException {
        Fixtures.Sample first = Fixtures.samples().get(0);
        assertEquals("single-call#0@client", first.name());
        InterpreterData d = InterpreterDataRkyv.decode(first.innerData());
        assertEquals(List.of(new ExecutedState.Call(new CallResult.RequestSentBy(new Sender.PeerIdWithCallId(CLIENT, 1)))), d.trace());
        assertEquals(1, d.lastCallRequestId());
        assertEquals(CidInfo.EMPTY, d.cidInfo());
        Map.Entry<EncodedPublicKey, EncodedSignature> sig = d.signatures().signatures().entrySet().iterator().next();
        assertEquals(33, sig.getKey().length()); // 00 ‖ Ed25519 key
        assertEquals(0, sig.getKey().bytes()[0]);
        assertEquals(65, sig.getValue().length()); // 00 ‖ Ed25519 signature
        assertEquals(260, first.innerData().length);
    }

    @Test
    void sentByPeerIdIsASharedArchivedStringWithLittleEndianOffset() {
        byte[] out = InterpreterDataRkyv.encode(data(
                List.of(new ExecutedState.Call(new CallResult.RequestSentBy(new Sender.PeerIdWithCallId(CLIENT, 7)))),
                CidInfo.EMPTY));
        // peer id text at 0..52, ArchivedString at 52: len 52 (BE), offset -52 (LE)
        assertEquals(CLIENT, new String(out, 0, 52, StandardCharsets.US_ASCII));
        assertEquals("00000034ccffffff", Fixtures.hex(java.util.Arrays.copyOfRange(out, 52, 60)));
        // state at 60: Call(1) RequestSentBy(0) PeerIdWithCallId(1), relptr -20 to 52, call_id 7, zero padding
        assertEquals("01000000" + "00000000" + "01000000" + "ffffffec" + "00000007" + "00000000",
                Fixtures.hex(java.util.Arrays.copyOfRange(out, 60, 84)));
    }

    @Test
    void stringsUpToSevenBytesAreInlineLongerOnesOutOfLine() throws DecodeException {
        SecurityTetraplet t = new SecurityTetraplet("1234567", "12345678", "é", "");
        InterpreterData d = data(List.of(), new CidInfo(Map.of(), Map.of("k", t), Map.of(), Map.of(), Map.of()));
        byte[] out = InterpreterDataRkyv.encode(d);
        // key "k" at 0, "12345678" at 1..9, pad to 12, tetraplet at 12
        assertEquals("6b" + "3132333435363738" + "000000", Fixtures.hex(java.util.Arrays.copyOfRange(out, 0, 12)));
        assertEquals("3132333435363707", Fixtures.hex(java.util.Arrays.copyOfRange(out, 12, 20)));
        assertEquals("00000008" + "edffffff", Fixtures.hex(java.util.Arrays.copyOfRange(out, 20, 28))); // 1 - 20 = -19
        assertEquals("c3a9000000000002", Fixtures.hex(java.util.Arrays.copyOfRange(out, 28, 36)));
        assertEquals("0000000000000000", Fixtures.hex(java.util.Arrays.copyOfRange(out, 36, 44)));
        assertEquals(d, InterpreterDataRkyv.decode(out));
    }

    @Test
    void equalCidTextsAreWrittenOnceAndShared() throws DecodeException {
        String cid = "bagaaihravcdq6nfi7z6sqnt5ls4iqp5ca2vsgw56igo3yz72zabtzhdkm53a";
        InterpreterData d = data(List.of(scalar(cid), scalar(cid)), new CidInfo(Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(cid, new ServiceResultCidAggregate(cid, cid, cid))));
        byte[] out = InterpreterDataRkyv.encode(d);
        String text = new String(out, StandardCharsets.ISO_8859_1);
        assertEquals(text.indexOf(cid), text.lastIndexOf(cid));
        assertEquals(d, InterpreterDataRkyv.decode(out));
    }

    @Test
    void everyVariantRoundTrips() throws DecodeException {
        InterpreterData d = new InterpreterData(List.of(
                new ExecutedState.Par(1, 4_294_967_295L),
                scalar("s"),
                new ExecutedState.Call(new CallResult.Executed(new ValueRef.Stream("st", 3))),
                new ExecutedState.Call(new CallResult.Executed(new ValueRef.Unused("u"))),
                new ExecutedState.Call(new CallResult.Failed("f")),
                new ExecutedState.Call(new CallResult.RequestSentBy(new Sender.PeerId("peer")))),
                4_294_967_295L,
                new CidInfo(Map.of("v", "\"x\""), Map.of("t", new SecurityTetraplet("p", "s", "f", ".$.a")),
                        Map.of("e1", new CanonCidAggregate("v", "t", Provenance.LITERAL),
                                "e2", new CanonCidAggregate("v", "t", new Provenance.ServiceResult("s")),
                                "e3", new CanonCidAggregate("v", "t", new Provenance.Canon("c"))),
                        Map.of("c", new CanonResultCidAggregate("t", List.of("e1", "e2", "e3", "e1"))),
                        Map.of("s", new ServiceResultCidAggregate("v", "h", "t"))),
                new SignatureStore(Map.of(EncodedPublicKey.of(new byte[] {0, 1}), EncodedSignature.of(new byte[] {0, 2, 3}),
                        EncodedPublicKey.of(new byte[0]), EncodedSignature.of(new byte[0]))));
        InterpreterData withMore = new InterpreterData(
                concat(d.trace(), List.of(
                        new ExecutedState.Fold(List.of(new FoldSubTraceLore(0, List.of(new SubTraceDesc(1, 2), new SubTraceDesc(3, 0))),
                                new FoldSubTraceLore(5, List.of()))),
                        new ExecutedState.Ap(List.of(0L, 7L)),
                        new ExecutedState.Canon(new CanonResult.RequestSentBy("peer")),
                        new ExecutedState.Canon(new CanonResult.Executed("c")))),
                d.lastCallRequestId(), d.cidInfo(), d.signatures());
        byte[] out = InterpreterDataRkyv.encode(withMore);
        assertEquals(withMore, InterpreterDataRkyv.decode(out));
        assertArrayEquals(out, InterpreterDataRkyv.encode(InterpreterDataRkyv.decode(out)));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        java.util.ArrayList<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    // ------------------------------------------------------------------ rejected input

    private static DecodeException rejects(byte[] archive) {
        return assertThrows(DecodeException.class, () -> InterpreterDataRkyv.decode(archive));
    }

    @Test
    void tooShortForTheRoot() {
        DecodeException e = rejects(new byte[59]);
        assertEquals("rkyv", e.format());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("shorter than the 60-byte InterpreterData root"), e.getMessage());
    }

    @Test
    void rootMustBeAligned() {
        byte[] ok = InterpreterDataRkyv.encode(InterpreterData.EMPTY);
        byte[] shifted = new byte[ok.length + 1];
        System.arraycopy(ok, 0, shifted, 1, ok.length);
        assertTrue(rejects(shifted).getMessage().contains("not aligned to 4"));
    }

    @Test
    void unknownEnumTagNamesTheState() {
        byte[] a = InterpreterDataRkyv.encode(data(List.of(scalar("a"), scalar("b")), CidInfo.EMPTY));
        // "a" at 0, "b" at 1, pad, states at 4 and 28
        a[28] = 5;
        DecodeException e = rejects(a);
        assertEquals("trace[1]", e.field());
        assertEquals(28, e.offset());
        a[28] = 1;
        a[32] = 3;
        assertEquals("trace[1].call", rejects(a).field());
        a[32] = 1;
        a[36] = 3;
        assertEquals("trace[1].call.executed", rejects(a).field());
    }

    @Test
    void invalidUtf8InACid() {
        byte[] a = InterpreterDataRkyv.encode(data(List.of(scalar("ab")), CidInfo.EMPTY));
        a[1] = (byte) 0xC0; // overlong lead byte
        DecodeException e = rejects(a);
        assertEquals("trace[0].call.executed.scalar", e.field());
        assertEquals(1, e.offset());
    }

    @Test
    void inlineStringLongerThanSevenIsRejected() {
        byte[] a = InterpreterDataRkyv.encode(data(List.of(), new CidInfo(Map.of(),
                Map.of("k", new SecurityTetraplet("p", "", "", "")), Map.of(), Map.of(), Map.of())));
        a[4 + 7] = 8; // tetraplet at 4: peer_pk inline length byte
        DecodeException e = rejects(a);
        assertEquals("cid_info.tetraplet_store[0].value.peer_pk", e.field());
    }

    @Test
    void hugeVecLengthIsRejectedWithoutAllocating() {
        byte[] a = InterpreterDataRkyv.encode(data(List.of(scalar("a")), CidInfo.EMPTY));
        int root = a.length - 60;
        a[root + 4] = (byte) 0xFF;
        a[root + 5] = (byte) 0xFF;
        a[root + 6] = (byte) 0xFF;
        a[root + 7] = (byte) 0xFF;
        DecodeException e = rejects(a);
        assertEquals("trace", e.field());
        assertTrue(e.getMessage().contains("overruns the buffer"), e.getMessage());
    }

    @Test
    void pointerOutOfBounds() {
        byte[] a = InterpreterDataRkyv.encode(data(List.of(scalar("a")), CidInfo.EMPTY));
        a[4 + 12] = 0x7F; // scalar CID relptr of state at 4
        assertTrue(rejects(a).getMessage().contains("pointer out of bounds"));
    }

    @Test
    void objectsMayNotOverlap() {
        // key "c1" at 0..2, raw "v" at 2, RawValue at 4 {rel -2, len 1}
        byte[] a = InterpreterDataRkyv.encode(data(List.of(), new CidInfo(Map.of("c1", "v"), Map.of(), Map.of(), Map.of(), Map.of())));
        assertEquals("fffffffe00000001", Fixtures.hex(java.util.Arrays.copyOfRange(a, 4, 12)));
        a[7] = (byte) 0xFC; // raw now points at the key's bytes (already claimed)
        DecodeException e = rejects(a);
        assertEquals("cid_info.value_store[0].value.raw", e.field());
        assertTrue(e.getMessage().contains("not inside its free subtree range"), e.getMessage());
    }

    @Test
    void sharedPointerOfAnotherTypeIsRejected() {
        // trace[0] sent_by "peer" → ArchivedString at 0; trace[1] scalar "cid" text at 8; states at 12, 36
        byte[] a = InterpreterDataRkyv.encode(data(List.of(
                new ExecutedState.Call(new CallResult.RequestSentBy(new Sender.PeerId("peer"))), scalar("cid")), CidInfo.EMPTY));
        assertEquals("ffffffd8", Fixtures.hex(java.util.Arrays.copyOfRange(a, 48, 52)));
        a[51] = (byte) 0xD0; // the CID now points at the ArchivedString
        DecodeException e = rejects(a);
        assertEquals("trace[1].call.executed.scalar", e.field());
        assertTrue(e.getMessage().contains("is a STRING, not a STR"), e.getMessage());
    }

    @Test
    void repeatedStoreKeyKeepsTheLastEntry() throws DecodeException {
        // "a"@0, "x"@1, RawValue@4; "b"@12, "y"@13, RawValue@16; entries at 24 and 36
        byte[] a = InterpreterDataRkyv.encode(data(List.of(), new CidInfo(Map.of("a", "x", "b", "y"), Map.of(), Map.of(), Map.of(), Map.of())));
        assertEquals("ffffffe8", Fixtures.hex(java.util.Arrays.copyOfRange(a, 24, 28)));
        assertEquals("ffffffe8", Fixtures.hex(java.util.Arrays.copyOfRange(a, 36, 40)));
        a[39] = (byte) 0xDC; // second key → "a" (a shared CID text may be pointed at again)
        InterpreterData d = InterpreterDataRkyv.decode(a);
        assertEquals(Map.of("a", "y"), d.cidInfo().valueStore());
    }

    @Test
    void supplementaryCharactersRoundTripAndLoneSurrogatesAreRefused() throws DecodeException {
        InterpreterData d = data(List.of(scalar("\uD83D\uDE00cid")), CidInfo.EMPTY);
        assertEquals(d, InterpreterDataRkyv.decode(InterpreterDataRkyv.encode(d)));
        assertThrows(IllegalArgumentException.class, () -> InterpreterDataRkyv.encode(data(List.of(scalar("a\uD83D")), CidInfo.EMPTY)));
    }

    @Test
    void offsetsBeyondSixteenBitsRoundTrip() throws DecodeException {
        String big = "\"" + "y".repeat(200_000) + "\"";
        InterpreterData d = data(List.of(scalar("s")), new CidInfo(Map.of("v", big), Map.of(),
                Map.of(), Map.of(), Map.of("s", new ServiceResultCidAggregate("v", "h", "t"))));
        byte[] out = InterpreterDataRkyv.encode(d);
        assertTrue(out.length > 200_000);
        assertEquals(d, InterpreterDataRkyv.decode(out));
    }

    @Test
    void modelRejectsValuesOutsideU32() {
        assertThrows(IllegalArgumentException.class, () -> new ExecutedState.Par(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ValueRef.Stream("c", 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new InterpreterData(List.of(), -1, CidInfo.EMPTY, SignatureStore.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> new ExecutedState.Ap(List.of(1L << 32)));
    }
}
