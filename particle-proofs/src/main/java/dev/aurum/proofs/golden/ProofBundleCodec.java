package dev.aurum.proofs.golden;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.proofs.cbor.CanonicalCborReader;
import dev.aurum.proofs.cbor.CanonicalCborWriter;
import dev.aurum.proofs.protocol.EcdsaSignature;
import dev.aurum.proofs.protocol.EvmAddress;
import dev.aurum.proofs.protocol.HopReceipt;
import dev.aurum.proofs.protocol.ParticleTicket;
import dev.aurum.proofs.protocol.ReceiptChain;
import dev.aurum.proofs.protocol.SignedReceipt;
import dev.aurum.proofs.protocol.Target;
import dev.aurum.proofs.protocol.Uint256;
import dev.aurum.proofs.trace.SignedTrace;
import dev.aurum.proofs.trace.TraceCodec;
import dev.aurum.proofs.trace.TraceLimits;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The proof-bundle CBOR codec (format in {@code docs/formats.md}). Canonical like the trace codec: reading
 * decodes, re-encodes and requires the same bytes. Decoding checks structure, sizes and value ranges only;
 * signatures, the receipt chain, the golden condition and the replay are the verifier committee's job.
 */
public final class ProofBundleCodec {

    public static final String FORMAT = "proof-bundle";
    public static final int VERSION = 1;
    /** The embedded trace plus receipts; a bundle never needs more. */
    public static final int MAX_BUNDLE_BYTES = TraceLimits.MAX_TRACE_BYTES + (1 << 16);

    private ProofBundleCodec() {
    }

    // Keys are written in canonical order: shorter keys first, then bytewise.
    public static byte[] encode(ProofBundle bundle) {
        CanonicalCborWriter w = new CanonicalCborWriter();
        w.startMap(5);
        w.key("v").integer(VERSION);
        w.key("trace").bytes(TraceCodec.encode(bundle.trace()));
        w.key("ticket");
        writeTicket(w, bundle.ticket());
        w.key("receipts").startArray(bundle.receipts().size());
        for (SignedReceipt r : bundle.receipts()) {
            writeReceipt(w, r);
        }
        w.endArray();
        w.key("clientSig").bytes(bundle.clientSignature().toBytes65());
        w.endMap();
        return w.toByteArray();
    }

    private static void writeTicket(CanonicalCborWriter w, ParticleTicket t) {
        w.startMap(6);
        w.key("epoch").integer(t.epoch());
        w.key("nonce").integer(t.nonce());
        w.key("client").bytes(t.client().bytes());
        w.key("target").bytes(Uint256.toWord(t.target().value()).toArray());
        w.key("faceValue").bytes(Uint256.toWord(t.faceValue()).toArray());
        w.key("particleHash").bytes(t.particleHash().toArray());
        w.endMap();
    }

    private static void writeReceipt(CanonicalCborWriter w, SignedReceipt s) {
        HopReceipt r = s.receipt();
        w.startMap(7);
        w.key("hop").integer(r.hopIndex());
        w.key("sig").bytes(s.signature().toBytes65());
        w.key("cids").bytes(r.cidsHash().toArray());
        w.key("data").bytes(r.dataCommitment().toArray());
        w.key("peer").integer(r.peer());
        w.key("prev").bytes(r.prevReceiptHash().toArray());
        w.key("ticket").bytes(r.ticketHash().toArray());
        w.endMap();
    }

    public static ProofBundle decode(byte[] input) throws DecodeException {
        ProofBundle bundle;
        try (CanonicalCborReader r = new CanonicalCborReader(FORMAT, input, MAX_BUNDLE_BYTES)) {
            r.startMap("", 5);
            r.key("", "v");
            long version = r.integer("v", 0, Long.MAX_VALUE);
            if (version != VERSION) {
                throw r.error("v", "unsupported proof-bundle version " + version + " (this build reads " + VERSION + ")");
            }
            r.key("", "trace");
            long traceOffset = r.offset();
            byte[] traceBytes = r.bytes("trace", TraceLimits.MAX_TRACE_BYTES);
            SignedTrace trace;
            try {
                trace = TraceCodec.decode(traceBytes);
            } catch (DecodeException e) {
                throw new DecodeException(FORMAT, "trace", traceOffset,
                        "embedded trace does not decode: " + e.getMessage());
            }
            r.key("", "ticket");
            ParticleTicket ticket = readTicket(r, "ticket");
            r.key("", "receipts");
            int n = r.startArray("receipts", ReceiptChain.MAX_HOPS);
            if (n < 2) {
                throw r.error("receipts", "a bundle carries receipts 1..k+1 with k >= 1, found " + n);
            }
            List<SignedReceipt> receipts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                receipts.add(readReceipt(r, "receipts[" + i + "]"));
            }
            r.endArray("receipts");
            r.key("", "clientSig");
            EcdsaSignature clientSig = signature(r, "clientSig");
            r.endMap("");
            r.end();
            bundle = new ProofBundle(ticket, clientSig, receipts, trace);
        }
        byte[] canonical = encode(bundle);
        int diff = Arrays.mismatch(input, canonical);
        if (diff >= 0) {
            throw new DecodeException(FORMAT, "", diff,
                    "not the canonical encoding (RFC 8949 §4.2.1: shortest integers, definite lengths, sorted keys)");
        }
        return bundle;
    }

    private static ParticleTicket readTicket(CanonicalCborReader r, String path) throws DecodeException {
        r.startMap(path, 6);
        r.key(path, "epoch");
        long epoch = r.integer(path + ".epoch", 0, Long.MAX_VALUE);
        r.key(path, "nonce");
        long nonce = r.integer(path + ".nonce", 0, Long.MAX_VALUE);
        r.key(path, "client");
        byte[] client = r.bytes(path + ".client", 20);
        if (client.length != 20) {
            throw r.error(path + ".client", "an EVM address is 20 bytes, found " + client.length);
        }
        r.key(path, "target");
        BigInteger target = Uint256.fromWord(word(r, path + ".target"));
        if (target.signum() == 0 || target.compareTo(Target.MAX) > 0) {
            throw r.error(path + ".target", "target must be in [1, 2^252-1]");
        }
        r.key(path, "faceValue");
        BigInteger faceValue = Uint256.fromWord(word(r, path + ".faceValue"));
        r.key(path, "particleHash");
        Bytes32 particleHash = word(r, path + ".particleHash");
        r.endMap(path);
        return new ParticleTicket(particleHash, EvmAddress.of(client), faceValue, epoch, new Target(target), nonce);
    }

    private static SignedReceipt readReceipt(CanonicalCborReader r, String path) throws DecodeException {
        r.startMap(path, 7);
        r.key(path, "hop");
        int hop = (int) r.integer(path + ".hop", 1, ReceiptChain.MAX_HOPS);
        r.key(path, "sig");
        EcdsaSignature sig = signature(r, path + ".sig");
        r.key(path, "cids");
        Bytes32 cids = word(r, path + ".cids");
        r.key(path, "data");
        Bytes32 data = word(r, path + ".data");
        r.key(path, "peer");
        long peer = r.integer(path + ".peer", 1, 0xFFFF_FFFFL);
        r.key(path, "prev");
        Bytes32 prev = word(r, path + ".prev");
        r.key(path, "ticket");
        Bytes32 ticket = word(r, path + ".ticket");
        r.endMap(path);
        return new SignedReceipt(new HopReceipt(ticket, hop, peer, prev, data, cids), sig);
    }

    private static Bytes32 word(CanonicalCborReader r, String path) throws DecodeException {
        byte[] b = r.bytes(path, 32);
        if (b.length != 32) {
            throw r.error(path, "expected 32 bytes, found " + b.length);
        }
        return Bytes32.wrap(b);
    }

    private static EcdsaSignature signature(CanonicalCborReader r, String path) throws DecodeException {
        byte[] b = r.bytes(path, 65);
        if (b.length != 65) {
            throw r.error(path, "a secp256k1 signature is 65 bytes r ‖ s ‖ v, found " + b.length);
        }
        int v = b[64] & 0xff;
        if (v != 27 && v != 28) {
            throw r.error(path, "signature v must be 27 or 28, found " + v);
        }
        return EcdsaSignature.fromBytes65(b);
    }
}
