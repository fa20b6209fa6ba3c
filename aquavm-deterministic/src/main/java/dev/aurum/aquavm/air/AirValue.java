package dev.aurum.aquavm.air;

import java.util.Objects;
import java.util.Optional;

/**
 * Every operand that can appear in an AIR instruction. Each grammar position has its own sealed
 * interface ({@link PeerIdValue}, {@link ImmutableValue}, {@link ApArgument}, ...) implemented exactly
 * by the value forms AquaVM 0.62's grammar ({@code air.lalrpop}) accepts there, so an AST that
 * type-checks is one the grammar can produce.
 *
 * <p>Variable names keep their sigils as written ({@code $s}, {@code %m}, {@code #c}, {@code #$c},
 * {@code #%m}), as AquaVM does; the validator and the interpreter key variables by these names.
 */
public sealed interface AirValue {

    // ---- grammar positions -------------------------------------------------------------------

    /** The peer of {@code call} and {@code canon} ({@code ResolvableToPeerIdVariable}). */
    sealed interface PeerIdValue extends AirValue {
    }

    /** Service id and function name of {@code call} ({@code ResolvableToStringVariable}). */
    sealed interface StringValue extends AirValue {
    }

    /** Call arguments and {@code match}/{@code mismatch} operands ({@code ImmutableValue}). */
    sealed interface ImmutableValue extends AirValue {
    }

    /** The argument of {@code ap} and the value of {@code ap} to a map; no bare {@code #%map}. */
    sealed interface ApArgument extends AirValue {
    }

    /** The key of {@code (ap (KEY VALUE) %map)} ({@code StreamMapKeyClause}). */
    sealed interface MapKey extends AirValue {
    }

    /** Where {@code call} and {@code ap} put their result: a scalar or a stream. */
    sealed interface Destination extends Variable {
    }

    /** What {@code fold} iterates when it is not a stream or stream map. */
    sealed interface FoldScalarIterable extends AirValue {
    }

    /** The name {@code new} scopes. */
    sealed interface NewArgument extends Variable {
    }

    /** The body of {@code fail}: a value form or a literal error code and message. */
    sealed interface FailBody extends AirValue {
    }

    /** A named variable with the span of its word. */
    sealed interface Variable extends AirValue {
        String name();

        Span span();
    }

    /** A number literal: the parsed value and the exact source text. */
    sealed interface Number extends ImmutableValue, ApArgument {
        String text();
    }

    // ---- literals and special values --------------------------------------------------------

    /** {@code %init_peer_id%}. */
    record InitPeerId() implements PeerIdValue, ImmutableValue, ApArgument {
    }

    /** {@code %last_error%} with an optional lens (never a lens in {@code fail}). */
    record LastError(Optional<Lens> lens) implements ImmutableValue, ApArgument, FailBody {
        public LastError {
            Objects.requireNonNull(lens, "lens");
        }
    }

    /** {@code :error:} with an optional lens (never a lens in {@code fail}). */
    record InstructionError(Optional<Lens> lens) implements ImmutableValue, ApArgument, FailBody {
        public InstructionError {
            Objects.requireNonNull(lens, "lens");
        }
    }

    /** {@code %timestamp%}. */
    record Timestamp() implements ImmutableValue, ApArgument {
    }

    /** {@code %ttl%}. */
    record Ttl() implements ImmutableValue, ApArgument {
    }

    /** {@code "text"}: the raw characters between the quotes (AIR has no escapes). */
    record Literal(String text) implements PeerIdValue, StringValue, ImmutableValue, ApArgument, MapKey {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An i64 literal such as {@code -7}; {@code text} is the word as written (e.g. {@code +007}). */
    record Int(long value, String text) implements Number, MapKey {
        public Int {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An f64 literal such as {@code 1.5} (at most 11 characters); {@code text} as written. */
    record Float(double value, String text) implements Number {
        public Float {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements ImmutableValue, ApArgument {
    }

    /** {@code []}, the only array literal. */
    record EmptyArray() implements ImmutableValue, ApArgument, FoldScalarIterable {
    }

    /** {@code (fail CODE "message")}: the literal form of {@code fail}. */
    record FailLiteral(long retCode, String message) implements FailBody {
        public FailLiteral {
            Objects.requireNonNull(message, "message");
        }
    }

    // ---- variables ------------------------------------------------------------------------------

    /** {@code name}. */
    record Scalar(String name, Span span) implements PeerIdValue, StringValue, ImmutableValue, ApArgument,
            MapKey, Destination, FoldScalarIterable, NewArgument, FailBody, Variable {
        public Scalar {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code name.$.path} or {@code name.length}. */
    record ScalarWithLens(String name, Lens lens, Span span) implements PeerIdValue, StringValue, ImmutableValue,
            ApArgument, MapKey, FoldScalarIterable, FailBody, Variable {
        public ScalarWithLens {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(lens, "lens");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code $name}. */
    record Stream(String name, Span span) implements Destination, NewArgument, Variable {
        public Stream {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code %name}. */
    record StreamMap(String name, Span span) implements NewArgument, Variable {
        public StreamMap {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code #name} or {@code #$name}. */
    record CanonStream(String name, Span span) implements ImmutableValue, ApArgument, FoldScalarIterable,
            NewArgument, Variable {
        public CanonStream {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code #name.$.path} or {@code #$name.length}. */
    record CanonStreamWithLens(String name, Lens lens, Span span) implements PeerIdValue, StringValue,
            ImmutableValue, ApArgument, MapKey, FailBody, Variable {
        public CanonStreamWithLens {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(lens, "lens");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code #%name}. Not an {@code ap} argument: the grammar has no such alternative. */
    record CanonStreamMap(String name, Span span) implements ImmutableValue, FoldScalarIterable, NewArgument,
            Variable {
        public CanonStreamMap {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code #%name.$.key...} or {@code #%name.length}. */
    record CanonStreamMapWithLens(String name, Lens lens, Span span) implements PeerIdValue, StringValue,
            ImmutableValue, ApArgument, FoldScalarIterable, Variable {
        public CanonStreamMapWithLens {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(lens, "lens");
            Objects.requireNonNull(span, "span");
        }
    }
}
