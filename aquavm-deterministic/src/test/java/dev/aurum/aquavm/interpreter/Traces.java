package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.data.InterpreterData;
import dev.aurum.aquavm.data.InterpreterDataJson;
import dev.aurum.aquavm.rkyv.InterpreterDataRkyv;
import dev.aurum.aquavm.sede.DataEnvelope;

/** Test helpers to look into data envelopes. */
final class Traces {

    private Traces() {
    }

    /** The trace as AquaVM's JSON form, compact, e.g. {@code [{"par":[1,0]},{"call":{...}}]}. */
    static String traceJson(byte[] envelope) {
        return dev.aurum.aquavm.json.JsonWriter.toCompactString(
                ((dev.aurum.aquavm.json.JsonObject) InterpreterDataJson.toJson(decode(envelope))).get("trace"));
    }

    static InterpreterData decode(byte[] envelope) {
        try {
            return InterpreterDataRkyv.decode(DataEnvelope.decode(envelope).innerData());
        } catch (DecodeException e) {
            throw new AssertionError(e);
        }
    }
}
