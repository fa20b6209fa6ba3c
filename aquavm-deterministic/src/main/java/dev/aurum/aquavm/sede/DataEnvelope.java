package dev.aurum.aquavm.sede;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.msgpack.MsgpackReader;
import dev.aurum.aquavm.msgpack.MsgpackWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * The envelope of AquaVM particle data ({@code InterpreterDataEnvelope}): a plain msgpack map (no
 * multiformat prefix) written as {@code {"version": str, "interpreter_version": str, "inner_data": bin}}
 * in that order; {@code inner_data} is the rkyv archive of {@code InterpreterData}. Both versions are
 * semver strings (validated when decoding, as the Rust side deserialises them into
 * {@code semver::Version}). Reading follows serde's flattened struct: any key order, unknown keys
 * skipped, missing keys rejected; we also reject repeated keys. Bytes after the map are ignored, as
 * rmp_serde does. An empty byte array ("no data") is not an envelope and is rejected here.
 */
public record DataEnvelope(String version, String interpreterVersion, byte[] innerData) {

    private static final String FORMAT = "data_envelope";
    private static final String[] FIELDS = {"version", "interpreter_version", "inner_data"};

    public DataEnvelope {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(interpreterVersion, "interpreterVersion");
        innerData = innerData.clone();
    }

    @Override
    public byte[] innerData() {
        return innerData.clone();
    }

    public SemVer dataVersion() throws DecodeException {
        return SemVer.parse(version);
    }

    public SemVer interpreterSemVer() throws DecodeException {
        return SemVer.parse(interpreterVersion);
    }

    /** False if AquaVM would reject this as current data (interpreter_version below 0.61.0). */
    public boolean isInterpreterVersionSupported() throws DecodeException {
        return interpreterSemVer().compareTo(SemVer.MIN_SUPPORTED_INTERPRETER) >= 0;
    }

    public byte[] encode() {
        MsgpackWriter w = new MsgpackWriter();
        w.writeMapHeader(3);
        w.writeString("version").writeString(version);
        w.writeString("interpreter_version").writeString(interpreterVersion);
        w.writeString("inner_data").writeBinary(innerData);
        return w.toByteArray();
    }

    public static DataEnvelope decode(byte[] data) throws DecodeException {
        MsgpackReader in = new MsgpackReader(data, 0, FORMAT);
        if (data.length == 0) {
            throw in.error("", 0, "empty input (AquaVM reads empty data as \"no data\", not as an envelope)");
        }
        int n = in.readMapHeader("");
        String[] versions = new String[2];
        byte[] inner = null;
        boolean[] seen = new boolean[3];
        for (int i = 0; i < n; i++) {
            int keyAt = in.position();
            String key = in.readString("<key>");
            int index = Arrays.asList(FIELDS).indexOf(key);
            if (index < 0) {
                in.skipValue(key);
                continue;
            }
            if (seen[index]) {
                throw in.error(key, keyAt, "duplicate field `" + key + "`");
            }
            seen[index] = true;
            if (index < 2) {
                int at = in.position();
                versions[index] = in.readString(key);
                try {
                    SemVer.parse(versions[index]);
                } catch (DecodeException e) {
                    throw in.error(key, at, e.getMessage());
                }
            } else {
                inner = in.readBinary(key);
            }
        }
        for (int i = 0; i < 3; i++) {
            if (!seen[i]) {
                throw in.error("", 0, "missing field `" + FIELDS[i] + "`");
            }
        }
        return new DataEnvelope(versions[0], versions[1], inner);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataEnvelope d && d.version.equals(version)
                && d.interpreterVersion.equals(interpreterVersion) && Arrays.equals(d.innerData, innerData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, interpreterVersion, Arrays.hashCode(innerData));
    }

    @Override
    public String toString() {
        return "DataEnvelope[version=" + version + ", interpreterVersion=" + interpreterVersion + ", innerData="
                + innerData.length + " bytes]";
    }
}
