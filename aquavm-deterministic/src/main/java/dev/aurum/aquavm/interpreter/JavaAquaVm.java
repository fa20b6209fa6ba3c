package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.AquaVm;
import dev.aurum.aquavm.InterpreterOutcome;
import dev.aurum.aquavm.RunParameters;
import dev.aurum.aquavm.air.AirParseException;
import dev.aurum.aquavm.air.Instruction;
import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.crypto.KeyPair;
import dev.aurum.aquavm.crypto.PublicKey;
import dev.aurum.aquavm.data.EncodedPublicKey;
import dev.aurum.aquavm.data.EncodedSignature;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.SignatureStore;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.json.Utf8;
import dev.aurum.aquavm.msgpack.MsgpackReader;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.CallRequests;
import dev.aurum.aquavm.sede.CallResults;
import dev.aurum.aquavm.sede.CallServiceResult;
import dev.aurum.aquavm.sede.DataEnvelope;
import dev.aurum.aquavm.sede.SemVer;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The deterministic Java AquaVM 0.62.0 (data format 0.17.2): preparation (size limits, envelopes,
 * version check, rkyv decode), verification (CID stores, signatures), AIR parsing, execution and
 * farewell, with AquaVM's ret_codes and data rules. Never throws for bad input.
 */
public final class JavaAquaVm implements AquaVm {

    public static final String INTERPRETER_VERSION = "0.62.0";
    public static final String DATA_VERSION = "0.17.2";
    private static final String VERSIONS_TEXT = "AquaVM version is " + INTERPRETER_VERSION + " and it expects "
            + DATA_VERSION + " version.";

    /** Memo of pure crypto and parse results; see {@link EngineMemo} (output never depends on it). */
    private final EngineMemo memo;
    /** False only for {@link #withoutOwnSignature()}: replays whose data is compared, never sent. */
    private final OwnSignature own;

    public JavaAquaVm() {
        this(new EngineMemo(), OwnSignature.SIGN);
    }

    private JavaAquaVm(EngineMemo memo, OwnSignature own) {
        this.memo = memo;
        this.own = own;
    }

    /**
     * This engine (same memo) for a verifier's replays: every outcome is the same except that the data
     * carries no signature of the current peer. A verifier replays with its own key, not the peer's, and
     * drops that signature entry before comparing, so computing it (an Ed25519 signing per invoke) is
     * wasted. The data it emits is not valid AquaVM data (the peer's signature is missing): compare it,
     * never send it.
     */
    public JavaAquaVm withoutOwnSignature() {
        return new JavaAquaVm(memo, OwnSignature.OMIT);
    }

    /**
     * This engine (same memo) for a verifier's replay of a hop whose resulting data carries
     * {@code signature} under the peer's {@code key}: instead of signing, every outcome's data carries
     * that entry. An honest hop's data and its replay are then equal byte for byte, so the verifier can
     * compare bytes first. The entry is copied, not checked: the verifier checks it separately.
     */
    public JavaAquaVm withRecordedSignature(EncodedPublicKey key, EncodedSignature signature) {
        return new JavaAquaVm(memo, OwnSignature.given(key, signature));
    }

    /**
     * The signature {@code data} (an envelope's bytes) carries under {@code key}, or null if there is none
     * or the data does not decode. Decoded through this engine's memo, so a later run on the same data
     * does not decode it again.
     */
    public EncodedSignature signatureIn(byte[] data, EncodedPublicKey key) {
        if (data == null || data.length == 0) {
            return null;
        }
        try {
            return memo.decode(DataEnvelope.decode(data).innerData()).data().signatures().signatures().get(key);
        } catch (DecodeException e) {
            return null;
        }
    }

    /**
     * Hands this engine (and every engine sharing its memo) a key its caller has already parsed and
     * curve-checked, e.g. a hop's peer, so data signed by that peer does not decode the key again.
     * Outcomes are unchanged: the engine would parse the same bytes to an equal key.
     */
    public void rememberKey(PublicKey key) {
        memo.rememberPublicKey(key);
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public InterpreterOutcome invoke(String air, byte[] prevData, byte[] currentData, RunParameters params,
                                     byte[] callResults) {
        byte[] prev = prevData == null ? new byte[0] : prevData;
        byte[] current = currentData == null ? new byte[0] : currentData;
        boolean[] soft = new boolean[3];
        try {
            return run(air, prev, current, params, callResults == null ? new byte[0] : callResults, soft);
        } catch (PreparationError e) {
            return new InterpreterOutcome(e.kind.code(), e.getMessage(), prev, List.of(), emptyCallRequests(),
                    soft[0], soft[1], soft[2]);
        } catch (RuntimeException | StackOverflowError e) {
            // never throw for bad input: an unexpected failure keeps prev data, like an uncatchable error
            return new InterpreterOutcome(ErrorKind.INT_CONVERSION_ERROR.code(), "internal error: " + e,
                    prev, List.of(), emptyCallRequests(), soft[0], soft[1], soft[2]);
        }
    }

    /**
     * The checks {@link #invoke} makes on its inputs before it runs the script (size limits, envelopes,
     * versions, data decoding, CID stores, every signature of {@code currentData}), without running it.
     * The trace verifier's audit needs only these (AquaVM reports their failures with ret codes 8 and 9,
     * which no later step produces), and executing the script again would only repeat the replay's work.
     *
     * @return ret code 0 and an empty message if every check passes, else exactly the ret code and
     *         message {@link #invoke} would return for the same inputs
     */
    public DataCheck checkReceivedData(String air, byte[] currentData, RunParameters params) {
        try {
            prepare(air, new byte[0], currentData == null ? new byte[0] : currentData, params, new boolean[3]);
            return new DataCheck(0, "");
        } catch (PreparationError e) {
            return new DataCheck(e.kind.code(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new DataCheck(ErrorKind.INT_CONVERSION_ERROR.code(), "internal error: " + e);
        }
    }

    /** The result of {@link #checkReceivedData}. */
    public record DataCheck(long retCode, String errorMessage) {
    }

    /** Decoded and verified inputs. */
    private record Prepared(InterpreterData prev, InterpreterData current, SignatureStore signatures) {
    }

    private Prepared prepare(String air, byte[] prevBytes, byte[] currentBytes, RunParameters params, boolean[] soft)
            throws PreparationError {
        long airSize = Utf8.encodedLength(air);
        if (airSize > params.airSizeLimit()) {
            limitExceeded(params, soft, 0, "air size: " + airSize + " bytes is bigger than the limit allowed: "
                    + params.airSizeLimit() + " bytes");
        }
        if (currentBytes.length > params.particleSizeLimit()) {
            limitExceeded(params, soft, 1, "Current_data particle size: " + currentBytes.length
                    + " bytes is bigger than the limit allowed: " + params.particleSizeLimit() + " bytes");
        }
        DataEnvelope prevEnvelope = envelope(prevBytes);
        DataEnvelope currentEnvelope = envelope(currentBytes);
        checkVersion(currentEnvelope);
        EngineMemo.Decoded prev = innerData(prevEnvelope);
        EngineMemo.Decoded current = innerData(currentEnvelope);
        SignatureStore signatures = Verifier.verify(prev.data(), current, params.particleId(), memo);
        return new Prepared(prev.data(), current.data(), signatures);
    }

    private InterpreterOutcome run(String air, byte[] prevBytes, byte[] currentBytes, RunParameters params,
                                   byte[] callResultsBytes, boolean[] soft) throws PreparationError {
        Prepared prepared = prepare(air, prevBytes, currentBytes, params, soft);
        InterpreterData prev = prepared.prev();
        InterpreterData current = prepared.current();
        SignatureStore signatures = prepared.signatures();
        Instruction script;
        try {
            script = memo.script(air);
        } catch (AirParseException e) {
            throw new PreparationError(ErrorKind.AIR_PARSE_ERROR, e.report());
        }
        SortedMap<String, CallServiceResult> callResults;
        try {
            callResults = CallResults.decode(callResultsBytes);
        } catch (DecodeException e) {
            throw new PreparationError(ErrorKind.CALL_RESULTS_DE_FAILED,
                    "error occurred while deserialize call results: " + e.getMessage() + ".");
        }
        for (CallServiceResult r : callResults.values()) {
            if (Utf8.encodedLength(r.result()) > params.callResultSizeLimit()) {
                limitExceeded(params, soft, 2, "Call result size is bigger than the limit allowed: "
                        + params.callResultSizeLimit() + " bytes");
                break;
            }
        }
        byte[] seed = checkedSeed(params);
        // only signing needs the key pair; a replay that leaves its own signature out skips the derivation
        KeyPair keyPair = own.signs() ? memo.keyPair(seed) : null;
        Interpreter.Outcome outcome = Interpreter.execute(script, prev, current, signatures, params, callResults,
                keyPair, own);
        if (outcome.data() == null && !outcome.dataLost()) {
            return new InterpreterOutcome(outcome.retCode(), outcome.errorMessage(), prevBytes, List.of(),
                    emptyCallRequests(), soft[0], soft[1], soft[2]);
        }
        if (outcome.dataLost()) {
            return new InterpreterOutcome(outcome.retCode(), outcome.errorMessage(), new byte[0], List.of(),
                    new byte[0], soft[0], soft[1], soft[2]);
        }
        byte[] data = new DataEnvelope(DATA_VERSION, INTERPRETER_VERSION,
                InterpreterDataRkyv.encode(outcome.data())).encode();
        return new InterpreterOutcome(outcome.retCode(), outcome.errorMessage(), data, outcome.nextPeerPks(),
                CallRequests.encode(outcome.callRequests()), soft[0], soft[1], soft[2]);
    }

    private static void limitExceeded(RunParameters params, boolean[] soft, int which, String message)
            throws PreparationError {
        soft[which] = true;
        if (params.hardLimitEnabled()) {
            if (which < 2) {
                // AquaVM reports AIR and particle limit errors with all flags cleared
                soft[0] = false;
                soft[1] = false;
            }
            throw new PreparationError(ErrorKind.SIZE_LIMITS_EXCEEDED, message);
        }
    }

    /** Empty bytes mean "no data": an empty envelope of the minimal supported version. */
    private static DataEnvelope envelope(byte[] bytes) throws PreparationError {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return DataEnvelope.decode(bytes);
        } catch (DecodeException e) {
            String[] versions = readableVersions(bytes);
            if (versions != null && versions[2] != null) {
                // rmp-serde also reads `inner_data` from a msgpack str: take its bytes, as AquaVM does
                return new DataEnvelope(versions[0], versions[1], Utf8.encode(versions[2]));
            }
            if (versions != null) {
                throw new PreparationError(ErrorKind.ENVELOPE_DE_FAILED_WITH_VERSIONS, "an error occurred while data "
                        + "deserialization: " + e.getMessage() + ".\nAquaVM's version is " + INTERPRETER_VERSION
                        + " and it expects data of " + DATA_VERSION + " version.\nSupplied data version is "
                        + versions[0] + ", it's produced by AquaVM of " + versions[1] + " version.");
            }
            throw new PreparationError(ErrorKind.ENVELOPE_DE_FAILED, "an error occurred while envelope "
                    + "deserialization: " + e.getMessage() + ".\n" + VERSIONS_TEXT);
        }
    }

    /**
     * The two version fields of a broken envelope, if they can still be read (AquaVM's
     * {@code try_get_versions}: a map whose other fields are skipped whatever their type), else null.
     */
    private static String[] readableVersions(byte[] bytes) {
        try {
            MsgpackReader in = new MsgpackReader(bytes, 0, "data_envelope");
            int n = in.readMapHeader("");
            String[] versions = new String[3];
            for (int i = 0; i < n; i++) {
                String key = in.readString("<key>");
                if (key.equals("version") || key.equals("interpreter_version")) {
                    String v = in.readString(key);
                    SemVer.parse(v);
                    versions[key.equals("version") ? 0 : 1] = v;
                } else if (key.equals("inner_data") && n == 3 && isString(bytes, in.position())) {
                    versions[2] = in.readString(key);
                } else {
                    in.skipValue(key);
                }
            }
            return versions[0] != null && versions[1] != null ? versions : null;
        } catch (DecodeException e) {
            return null;
        }
    }

    private static void checkVersion(DataEnvelope current) throws PreparationError {
        if (current == null) {
            return;
        }
        try {
            if (!current.isInterpreterVersionSupported()) {
                throw new PreparationError(ErrorKind.UNSUPPORTED_INTERPRETER_VERSION, "supplied data was produced "
                        + "by `" + current.interpreterVersion() + "` version of interpreter, but minimum `"
                        + SemVer.MIN_SUPPORTED_INTERPRETER + "` version is required");
            }
        } catch (DecodeException e) {
            throw new PreparationError(ErrorKind.ENVELOPE_DE_FAILED, "an error occurred while envelope "
                    + "deserialization: " + e.getMessage() + ".\n" + VERSIONS_TEXT);
        }
    }

    private EngineMemo.Decoded innerData(DataEnvelope envelope) throws PreparationError {
        if (envelope == null) {
            return EngineMemo.Decoded.NONE;
        }
        try {
            return memo.decode(envelope.innerData());
        } catch (DecodeException e) {
            throw new PreparationError(ErrorKind.DATA_DE_FAILED, "an error occurred while data deserialization: "
                    + e.getMessage() + ".\n" + VERSIONS_TEXT);
        }
    }

    private static boolean isString(byte[] bytes, int at) {
        int marker = at < bytes.length ? bytes[at] & 0xFF : -1;
        return (marker & 0xE0) == 0xA0 || marker == 0xD9 || marker == 0xDA || marker == 0xDB;
    }

    /** The Ed25519 seed of the run's key pair, checked as AquaVM checks it whether or not it signs. */
    private static byte[] checkedSeed(RunParameters params) throws PreparationError {
        if (params.keyFormat() != 0) {
            throw new PreparationError(ErrorKind.MALFORMED_KEY_PAIR_DATA, "malformed keypair format: key format "
                    + params.keyFormat() + " is not supported, only Ed25519 (0) is allowed");
        }
        byte[] seed = params.secretKeyBytes();
        if (seed.length != KeyPair.SEED_LENGTH) {
            throw new PreparationError(ErrorKind.MALFORMED_KEY_PAIR_DATA, "malformed keypair format: Ed25519 "
                    + "secret key must be " + KeyPair.SEED_LENGTH + " bytes, got " + seed.length);
        }
        return seed;
    }

    private static byte[] emptyCallRequests() {
        return CallRequests.encode(new TreeMap<>());
    }
}
