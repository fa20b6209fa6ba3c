package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.air.AirPrinter;
import dev.aurum.aquavm.air.AirValue;
import dev.aurum.aquavm.air.Instruction;
import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.json.JsonNegInt;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;

/** {@code fail} in all its forms; {@code (fail :error:)} re-raises the original catchable error. */
final class Failer {

    private Failer() {
    }

    static void fail(Instruction.Fail fail, ExecutionContext ctx, Resolver resolver) throws ExecutionError {
        AirValue.FailBody body = fail.body();
        if (body instanceof AirValue.FailLiteral lit) {
            String init = ctx.params.initPeerId();
            JsonObject error = InstructionError.errorObject(lit.retCode(), lit.message(),
                    AirPrinter.instruction(fail), init);
            throw failWith(ctx, error, SecurityTetraplet.literal(init), Provenance.LITERAL);
        } else if (body instanceof AirValue.LastError) {
            InstructionError e = ctx.errors.lastError();
            checkErrorObject(e.error());
            throw failWith(ctx, e.error(), e.tetraplet(), e.provenance());
        } else if (body instanceof AirValue.InstructionError) {
            InstructionError e = ctx.errors.error();
            checkErrorObject(e.error());
            ExecutionError raised = failWith(ctx, e.error(), e.tetraplet(), e.provenance());
            ctx.errors.disableErrorSetting();
            throw e.origCatchable() != null ? e.origCatchable() : raised;
        }
        Resolved r = resolver.resolve((AirValue) body);
        checkErrorObject(r.value());
        throw failWith(ctx, r.value(), r.first(), r.provenance());
    }

    private static ExecutionError failWith(ExecutionContext ctx, JsonValue error, SecurityTetraplet tetraplet,
                                           Provenance provenance) {
        ctx.errors.setLastErrorFromObject(error, tetraplet, provenance);
        ctx.makeSubgraphIncomplete();
        return ExecutionError.catchable(ErrorKind.USER_ERROR,
                "fail with '" + Values.text(error) + "' is used without corresponding xor");
    }

    /** An error object needs a non-zero integer {@code error_code} and a string {@code message}. */
    static void checkErrorObject(JsonValue v) throws ExecutionError {
        if (!(v instanceof JsonObject o)) {
            throw invalid("scalar should have an object type to be converted into error object, but '"
                    + Values.text(v) + "' doesn't have");
        }
        JsonValue code = o.get("error_code");
        if (code == null) {
            throw invalid("scalar '" + Values.text(v) + "' must have field with name 'error_code'");
        }
        if (!(code instanceof JsonPosInt) && !(code instanceof JsonNegInt)) {
            throw invalid("error_code of scalar '" + Values.text(v) + "' must have integer type");
        }
        if (code instanceof JsonPosInt p && p.bits() == 0) {
            throw invalid("error code must be non-zero, but it is zero");
        }
        JsonValue message = o.get("message");
        if (message == null) {
            throw invalid("scalar '" + Values.text(v) + "' must have field with name 'message'");
        }
        if (!(message instanceof JsonString)) {
            throw invalid("message of scalar '" + Values.text(v) + "' must have string type");
        }
    }

    private static ExecutionError invalid(String message) {
        return ExecutionError.catchable(ErrorKind.INVALID_ERROR_OBJECT_ERROR, message);
    }
}
