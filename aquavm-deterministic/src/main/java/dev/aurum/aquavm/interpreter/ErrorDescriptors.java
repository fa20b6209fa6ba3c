package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.json.JsonValue;

/**
 * The lifecycle of {@code %last_error%} and {@code :error:}. Each is set by the first failing
 * instruction and then frozen, so enclosing instructions do not overwrite it: {@code %last_error%} is
 * re-armed by an xor right branch and by a successful par; {@code :error:} by xor only, and reset to
 * "no error" after a right branch that did not fail.
 */
final class ErrorDescriptors {

    private InstructionError lastError = InstructionError.NO_ERROR;
    private boolean lastErrorCanBeSet = true;
    private InstructionError error = InstructionError.NO_ERROR;
    private boolean errorCanBeSet = true;

    InstructionError lastError() {
        return lastError;
    }

    InstructionError error() {
        return error;
    }

    /**
     * AquaVM's {@code ExecutionCtx::set_errors}. {@code %last_error%} always gets a {@code peer_id}
     * (the call/canon peer, else this peer); {@code :error:} only for call and canon instructions.
     */
    void setErrors(ExecutionError e, String instruction, SecurityTetraplet tetraplet, boolean logPeerId,
                   String currentPeerId) {
        String lastErrorPeerId = tetraplet != null && logPeerId ? tetraplet.peerPk() : currentPeerId;
        if (lastErrorCanBeSet && e.affectsLastError()) {
            lastError = new InstructionError(
                    InstructionError.errorObject(e.code(), e.getMessage(), instruction, lastErrorPeerId),
                    tetraplet, Provenance.LITERAL, null);
            lastErrorCanBeSet = false;
        }
        if (errorCanBeSet && e.isCatchable()) {
            error = new InstructionError(
                    InstructionError.errorObject(e.code(), e.getMessage(), instruction,
                            logPeerId ? lastErrorPeerId : null),
                    tetraplet, Provenance.LITERAL, null);
        }
        errorCanBeSet = false;
    }

    /** {@code fail} sets {@code %last_error%} from an error object directly. */
    void setLastErrorFromObject(JsonValue object, SecurityTetraplet tetraplet, Provenance provenance) {
        lastError = new InstructionError(object, tetraplet, provenance, null);
        lastErrorCanBeSet = false;
    }

    void meetXorRightBranch(ExecutionError caught) {
        lastErrorCanBeSet = true;
        error = error.withOrigCatchable(caught.isCatchable() ? caught : null);
        errorCanBeSet = true;
    }

    void afterXorRightBranch(boolean succeeded) {
        if (errorCanBeSet) {
            error = InstructionError.NO_ERROR;
        }
        if (succeeded) {
            errorCanBeSet = true;
        }
    }

    void meetParSucceeded() {
        lastErrorCanBeSet = true;
    }

    void disableErrorSetting() {
        errorCanBeSet = false;
    }
}
