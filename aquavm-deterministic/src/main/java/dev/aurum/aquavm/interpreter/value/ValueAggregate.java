package dev.aurum.aquavm.interpreter.value;

import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;
import java.util.Objects;

/**
 * A runtime value: the JSON value, its tetraplet, the result-trace position of the state that
 * produced it, and its provenance.
 *
 * <p>AquaVM keeps only part of the tetraplet depending on provenance, and that loss is observable in
 * call tetraplets and CIDs: a literal keeps only the peer ({@code (peer, "", "", "")}), a canon-derived
 * value keeps peer and lens ({@code (peer, "", "", lens)}), a service result keeps all four fields.
 * {@link #of} applies exactly that rule.
 */
public record ValueAggregate(JsonValue result, SecurityTetraplet tetraplet, long tracePos, Provenance provenance) {

    public ValueAggregate {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(tetraplet, "tetraplet");
        Objects.requireNonNull(provenance, "provenance");
    }

    public static ValueAggregate of(JsonValue result, SecurityTetraplet tetraplet, long tracePos,
                                    Provenance provenance) {
        SecurityTetraplet kept;
        if (provenance instanceof Provenance.Literal) {
            kept = SecurityTetraplet.literal(tetraplet.peerPk());
        } else if (provenance instanceof Provenance.Canon) {
            kept = new SecurityTetraplet(tetraplet.peerPk(), "", "", tetraplet.lens());
        } else {
            kept = tetraplet;
        }
        return new ValueAggregate(result, kept, tracePos, provenance);
    }

    public static ValueAggregate literal(JsonValue result, String initPeerId, long tracePos) {
        return new ValueAggregate(result, SecurityTetraplet.literal(initPeerId), tracePos, Provenance.LITERAL);
    }

    public ValueAggregate withTracePos(long pos) {
        return new ValueAggregate(result, tetraplet, pos, provenance);
    }
}
