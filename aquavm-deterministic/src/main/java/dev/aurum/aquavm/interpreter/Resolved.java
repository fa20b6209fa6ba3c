package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.json.JsonValue;
import java.util.List;

/** A resolved operand: its value, the tetraplets of its parts and its provenance. */
record Resolved(JsonValue value, List<SecurityTetraplet> tetraplets, Provenance provenance) {

    SecurityTetraplet first() {
        return tetraplets.get(0);
    }
}
