package dev.aurum.aquavm.air;

import java.util.List;
import java.util.Objects;

/**
 * A lens ("lambda" in AquaVM) applied to a value: either the {@code .length} functor or a non-empty
 * value path {@code .$} followed by accessors. The ignored flattening sign {@code !} is not kept.
 */
public sealed interface Lens {

    /** {@code .length}. */
    record Length() implements Lens {
    }

    /** {@code .$.a.[0].[x]}: one or more accessors. */
    record ValuePath(List<Accessor> accessors) implements Lens {
        public ValuePath {
            accessors = List.copyOf(accessors);
            if (accessors.isEmpty()) {
                throw new IllegalArgumentException("a value path needs at least one accessor");
            }
        }
    }

    /** One step of a value path. */
    sealed interface Accessor {
    }

    /** {@code [N]}: array index, an unsigned 32-bit number kept in a long. */
    record Index(long index) implements Accessor {
        public Index {
            if (index < 0 || index > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("index out of u32 range: " + index);
            }
        }
    }

    /** {@code [name]}: index or field selected by the value of scalar {@code name}. */
    record ByScalar(String scalarName) implements Accessor {
        public ByScalar {
            Objects.requireNonNull(scalarName, "scalarName");
        }
    }

    /** {@code .name}: field selected by name. */
    record Field(String name) implements Accessor {
        public Field {
            Objects.requireNonNull(name, "name");
        }
    }
}
