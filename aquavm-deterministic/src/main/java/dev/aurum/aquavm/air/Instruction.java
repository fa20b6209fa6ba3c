package dev.aurum.aquavm.air;

import dev.aurum.aquavm.air.AirValue.ApArgument;
import dev.aurum.aquavm.air.AirValue.CanonStream;
import dev.aurum.aquavm.air.AirValue.CanonStreamMap;
import dev.aurum.aquavm.air.AirValue.Destination;
import dev.aurum.aquavm.air.AirValue.FailBody;
import dev.aurum.aquavm.air.AirValue.FoldScalarIterable;
import dev.aurum.aquavm.air.AirValue.ImmutableValue;
import dev.aurum.aquavm.air.AirValue.MapKey;
import dev.aurum.aquavm.air.AirValue.NewArgument;
import dev.aurum.aquavm.air.AirValue.PeerIdValue;
import dev.aurum.aquavm.air.AirValue.Scalar;
import dev.aurum.aquavm.air.AirValue.Stream;
import dev.aurum.aquavm.air.AirValue.StreamMap;
import dev.aurum.aquavm.air.AirValue.StringValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The 19 AIR instruction forms of AquaVM 0.62. Every instruction carries its {@link Span}: the
 * interpreter identifies {@code new}-scoped streams and folds by source position.
 */
public sealed interface Instruction {

    Span span();

    /** {@code call}'s peer, service and function. */
    record Triplet(PeerIdValue peerId, StringValue serviceId, StringValue functionName) {
        public Triplet {
            Objects.requireNonNull(peerId, "peerId");
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(functionName, "functionName");
        }
    }

    /** {@code (call PEER (SERVICE FUNCTION) [ARGS] OUTPUT?)}; no output means the result is unused. */
    record Call(Triplet triplet, List<ImmutableValue> arguments, Optional<Destination> output, Span span)
            implements Instruction {
        public Call {
            Objects.requireNonNull(triplet, "triplet");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (canon PEER $stream #canon)}. */
    record Canon(PeerIdValue peerId, Stream stream, CanonStream canonStream, Span span) implements Instruction {
        public Canon {
            Objects.requireNonNull(peerId, "peerId");
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(canonStream, "canonStream");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (canon PEER %map #%canon)}. */
    record CanonMap(PeerIdValue peerId, StreamMap streamMap, CanonStreamMap canonStreamMap, Span span)
            implements Instruction {
        public CanonMap {
            Objects.requireNonNull(peerId, "peerId");
            Objects.requireNonNull(streamMap, "streamMap");
            Objects.requireNonNull(canonStreamMap, "canonStreamMap");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (canon PEER %map scalar)}: the map as one object of unique keys. */
    record CanonStreamMapScalar(PeerIdValue peerId, StreamMap streamMap, Scalar scalar, Span span)
            implements Instruction {
        public CanonStreamMapScalar {
            Objects.requireNonNull(peerId, "peerId");
            Objects.requireNonNull(streamMap, "streamMap");
            Objects.requireNonNull(scalar, "scalar");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (ap ARG DEST)}. */
    record Ap(ApArgument argument, Destination result, Span span) implements Instruction {
        public Ap {
            Objects.requireNonNull(argument, "argument");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (ap (KEY VALUE) %map)}. */
    record ApMap(MapKey key, ApArgument value, StreamMap map, Span span) implements Instruction {
        public ApMap {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(map, "map");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (seq A B)}. */
    record Seq(Instruction left, Instruction right, Span span) implements Instruction {
        public Seq {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (par A B)}. */
    record Par(Instruction left, Instruction right, Span span) implements Instruction {
        public Par {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (xor A B)}. */
    record Xor(Instruction left, Instruction right, Span span) implements Instruction {
        public Xor {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (match V1 V2 BODY)}. */
    record Match(ImmutableValue left, ImmutableValue right, Instruction body, Span span) implements Instruction {
        public Match {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (mismatch V1 V2 BODY)}. */
    record MisMatch(ImmutableValue left, ImmutableValue right, Instruction body, Span span) implements Instruction {
        public MisMatch {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code (fail x)}, {@code (fail x.$.lens)}, {@code (fail #c.$.lens)}, {@code (fail CODE "msg")},
     * {@code (fail %last_error%)} or {@code (fail :error:)}.
     */
    record Fail(FailBody body, Span span) implements Instruction {
        public Fail {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (fold ITERABLE i BODY LAST?)} over a scalar, canon stream, canon map or {@code []}. */
    record FoldScalar(FoldScalarIterable iterable, Scalar iterator, Instruction body, Optional<Instruction> last,
            Span span) implements Instruction {
        public FoldScalar {
            Objects.requireNonNull(iterable, "iterable");
            Objects.requireNonNull(iterator, "iterator");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (fold $stream i BODY LAST?)}. */
    record FoldStream(Stream iterable, Scalar iterator, Instruction body, Optional<Instruction> last, Span span)
            implements Instruction {
        public FoldStream {
            Objects.requireNonNull(iterable, "iterable");
            Objects.requireNonNull(iterator, "iterator");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (fold %map i BODY LAST?)}. */
    record FoldStreamMap(StreamMap iterable, Scalar iterator, Instruction body, Optional<Instruction> last,
            Span span) implements Instruction {
        public FoldStreamMap {
            Objects.requireNonNull(iterable, "iterable");
            Objects.requireNonNull(iterator, "iterator");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (never)}. */
    record Never(Span span) implements Instruction {
        public Never {
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (next i)}. */
    record Next(Scalar iterator, Span span) implements Instruction {
        public Next {
            Objects.requireNonNull(iterator, "iterator");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (new NAME BODY)}. */
    record New(NewArgument argument, Instruction body, Span span) implements Instruction {
        public New {
            Objects.requireNonNull(argument, "argument");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code (null)}. */
    record Null(Span span) implements Instruction {
        public Null {
            Objects.requireNonNull(span, "span");
        }
    }
}
