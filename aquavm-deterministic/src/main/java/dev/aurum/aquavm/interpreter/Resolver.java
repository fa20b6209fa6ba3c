package dev.aurum.aquavm.interpreter;

import dev.aurum.aquavm.air.AirPrinter;
import dev.aurum.aquavm.air.AirValue;
import dev.aurum.aquavm.air.Lens;
import dev.aurum.aquavm.data.Provenance;
import dev.aurum.aquavm.data.SecurityTetraplet;
import dev.aurum.aquavm.interpreter.error.ErrorKind;
import dev.aurum.aquavm.interpreter.error.ExecutionError;
import dev.aurum.aquavm.interpreter.value.CanonStream;
import dev.aurum.aquavm.interpreter.value.IterableItem;
import dev.aurum.aquavm.interpreter.value.ValueAggregate;
import dev.aurum.aquavm.json.JsonArray;
import dev.aurum.aquavm.json.JsonBool;
import dev.aurum.aquavm.json.JsonFloat;
import dev.aurum.aquavm.json.JsonObject;
import dev.aurum.aquavm.json.JsonPosInt;
import dev.aurum.aquavm.json.JsonString;
import dev.aurum.aquavm.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves operands to values with tetraplets and provenance, and applies lenses (AquaVM's "lambdas"). */
final class Resolver {

    private final ExecutionContext ctx;

    Resolver(ExecutionContext ctx) {
        this.ctx = ctx;
    }

    Resolved constant(JsonValue v) {
        return new Resolved(v, List.of(SecurityTetraplet.literal(ctx.params.initPeerId())), Provenance.LITERAL);
    }

    Resolved resolve(AirValue value) throws ExecutionError {
        if (value instanceof AirValue.InitPeerId) {
            return constant(new JsonString(ctx.params.initPeerId()));
        } else if (value instanceof AirValue.LastError e) {
            return resolveError(ctx.errors.lastError(), e.lens());
        } else if (value instanceof AirValue.InstructionError e) {
            return resolveError(ctx.errors.error(), e.lens());
        } else if (value instanceof AirValue.Literal l) {
            return constant(new JsonString(l.text()));
        } else if (value instanceof AirValue.Timestamp) {
            return constant(new JsonPosInt(ctx.params.timestamp()));
        } else if (value instanceof AirValue.Ttl) {
            return constant(new JsonPosInt(ctx.params.ttl()));
        } else if (value instanceof AirValue.Int i) {
            return constant(Values.integer(i.value()));
        } else if (value instanceof AirValue.Float f) {
            return constant(new JsonFloat(f.value()));
        } else if (value instanceof AirValue.Bool b) {
            return constant(JsonBool.of(b.value()));
        } else if (value instanceof AirValue.EmptyArray) {
            return constant(JsonArray.EMPTY);
        } else if (value instanceof AirValue.Scalar s) {
            return scalar(s.name());
        } else if (value instanceof AirValue.ScalarWithLens s) {
            return scalarWithLens(s.name(), s.lens());
        } else if (value instanceof AirValue.CanonStream c) {
            ExecutionContext.CanonWithCid canon = ctx.canonStream(c.name());
            List<SecurityTetraplet> ts = new ArrayList<>(canon.canon().size());
            for (ValueAggregate v : canon.canon().values()) {
                ts.add(v.tetraplet());
            }
            return new Resolved(canon.canon().asJson(), ts, new Provenance.Canon(canon.cid()));
        } else if (value instanceof AirValue.CanonStreamWithLens c) {
            ExecutionContext.CanonWithCid canon = ctx.canonStream(c.name());
            return canonWithLens(canon.canon(), c.lens(), new Provenance.Canon(canon.cid()));
        } else if (value instanceof AirValue.CanonStreamMap c) {
            CanonMapWithCid map = ctx.canonMap(c.name());
            List<SecurityTetraplet> ts = new ArrayList<>(map.pairs.size());
            for (ValueAggregate v : map.pairs) {
                ts.add(v.tetraplet());
            }
            return new Resolved(map.asJson(), ts, new Provenance.Canon(map.cid));
        } else if (value instanceof AirValue.CanonStreamMapWithLens c) {
            CanonMapWithCid map = ctx.canonMap(c.name());
            return canonMapWithLens(map, c.lens());
        }
        throw new IllegalArgumentException("not a resolvable value: " + value);
    }

    private Resolved resolveError(InstructionError error, Optional<Lens> lens) throws ExecutionError {
        JsonValue v = lens.isPresent() ? selectFromScalar(error.error(), lens.get()) : error.error();
        SecurityTetraplet t = error.tetraplet() != null ? error.tetraplet()
                : SecurityTetraplet.literal(ctx.params.initPeerId());
        return new Resolved(v, List.of(t), error.provenance());
    }

    Resolved scalar(String name) throws ExecutionError {
        Object ref = ctx.scalarRef(name);
        if (ref instanceof ValueAggregate v) {
            return new Resolved(v.result(), List.of(v.tetraplet()), v.provenance());
        }
        IterableItem item = ((FoldState) ref).iterable.peek();
        return new Resolved(item.value(), List.of(item.tetraplet()), item.provenance());
    }

    Resolved scalarWithLens(String name, Lens lens) throws ExecutionError {
        Object ref = ctx.scalarRef(name);
        JsonValue value;
        SecurityTetraplet tetraplet;
        Provenance provenance;
        if (ref instanceof ValueAggregate v) {
            value = v.result();
            tetraplet = v.tetraplet();
            provenance = v.provenance();
        } else {
            IterableItem item = ((FoldState) ref).iterable.peek();
            value = item.value();
            tetraplet = item.tetraplet();
            provenance = item.provenance();
        }
        JsonValue selected = selectFromScalar(value, lens);
        return new Resolved(selected, List.of(withLens(tetraplet, lens)), provenance);
    }

    /** A lens applied to a scalar's tetraplet: a path is appended; {@code .length} replaces it all. */
    static SecurityTetraplet withLens(SecurityTetraplet t, Lens lens) {
        if (lens instanceof Lens.Length) {
            return new SecurityTetraplet("", "", "", ".length");
        }
        return t.withLensAppended(AirPrinter.lens(lens));
    }

    // ---- lenses over one JSON value ---------------------------------------------------------------

    JsonValue selectFromScalar(JsonValue value, Lens lens) throws ExecutionError {
        if (lens instanceof Lens.Length) {
            if (value instanceof JsonArray a) {
                return new JsonPosInt(a.size());
            }
            throw ExecutionError.catchable(ErrorKind.LENGTH_FUNCTOR_APPLIED_TO_NOT_ARRAY,
                    "the length functor could applied only to an array-like value, but it's applied to '"
                            + Values.text(value) + "'");
        }
        return selectPath(value, ((Lens.ValuePath) lens).accessors(), 0);
    }

    private JsonValue selectPath(JsonValue value, List<Lens.Accessor> accessors, int from) throws ExecutionError {
        JsonValue v = value;
        for (int i = from; i < accessors.size(); i++) {
            Lens.Accessor a = accessors.get(i);
            if (a instanceof Lens.Index idx) {
                v = byIndex(v, idx.index());
            } else if (a instanceof Lens.Field f) {
                v = byField(v, f.name());
            } else {
                JsonValue accessor = scalarAccessorValue(((Lens.ByScalar) a).scalarName());
                if (accessor instanceof JsonString s) {
                    v = byField(v, s.value());
                } else if (accessor instanceof dev.aurum.aquavm.json.JsonNumber n) {
                    v = byIndex(v, toU32(n));
                } else {
                    throw ExecutionError.lambda("scalar accessor `" + Values.text(accessor)
                            + "` should has number or string type");
                }
            }
        }
        return v;
    }

    private JsonValue scalarAccessorValue(String name) throws ExecutionError {
        Object ref = ctx.scalarRef(name);
        if (ref instanceof ValueAggregate v) {
            return v.result();
        }
        return ((FoldState) ref).iterable.peek().value();
    }

    private static long toU32(dev.aurum.aquavm.json.JsonNumber n) throws ExecutionError {
        if (n instanceof JsonPosInt p && p.bits() >= 0 && p.bits() <= 0xFFFF_FFFFL) {
            return p.bits();
        }
        throw ExecutionError.lambda("index accessor `" + Values.text(n) + " can't be converted to u32`");
    }

    private static JsonValue byIndex(JsonValue v, long idx) throws ExecutionError {
        if (v instanceof JsonArray a) {
            if (idx < a.size()) {
                return a.get((int) idx);
            }
            throw ExecutionError.lambda("value '" + Values.text(v) + "' does not contain element for idx = '"
                    + idx + "'");
        }
        throw ExecutionError.lambda("value '" + Values.text(v)
                + "' is not an array-type to match array accessor with idx = '" + idx + "'");
    }

    private static JsonValue byField(JsonValue v, String field) throws ExecutionError {
        if (v instanceof JsonObject o) {
            JsonValue f = o.get(field);
            if (f != null) {
                return f;
            }
            throw ExecutionError.lambda("value '" + Values.text(v) + "' does not contain element with field name = '"
                    + field + "'");
        }
        throw ExecutionError.lambda("value '" + Values.text(v)
                + "' is not an map-type to match field accessor with field_name = '" + field + "'");
    }

    // ---- lenses over canon streams and canon maps -------------------------------------------------

    /**
     * {@code #c.$.[i].path}: element i, then the path. The result keeps element i's own tetraplet and
     * provenance unchanged; {@code #c.length} gets {@code (this peer, ".length", "", "")}.
     */
    Resolved canonWithLens(CanonStream canon, Lens lens, Provenance root) throws ExecutionError {
        if (lens instanceof Lens.Length) {
            return new Resolved(new JsonPosInt(canon.size()),
                    List.of(new SecurityTetraplet(ctx.params.currentPeerId(), ".length", "", "")), root);
        }
        List<Lens.Accessor> accessors = ((Lens.ValuePath) lens).accessors();
        long idx = streamIndex(accessors.get(0));
        if (idx >= canon.size()) {
            throw ExecutionError.lambda("lambda is applied to a stream that have only '" + canon.size()
                    + "' elements, but '" + idx + "' requested");
        }
        ValueAggregate element = canon.values().get((int) idx);
        JsonValue selected = selectPath(element.result(), accessors, 1);
        return new Resolved(selected, List.of(element.tetraplet()), element.provenance());
    }

    private long streamIndex(Lens.Accessor first) throws ExecutionError {
        if (first instanceof Lens.Index i) {
            return i.index();
        } else if (first instanceof Lens.Field f) {
            throw ExecutionError.lambda("field accessor (with field name = '" + f.name()
                    + "') can't be applied to a stream");
        }
        JsonValue v = scalarAccessorValue(((Lens.ByScalar) first).scalarName());
        if (v instanceof dev.aurum.aquavm.json.JsonNumber n) {
            return toU32(n);
        }
        throw ExecutionError.lambda("stream accessor `" + Values.text(v) + "` should has number (u32) type");
    }

    /**
     * {@code #%m.$.key...}: the first accessor is always a key. The key's values as a canon stream, with
     * tetraplet {@code (canon peer, "", "", lens)}; with more accessors, the element's tetraplet with
     * the rest of the path appended (no {@code .$} prefix). Provenance is the map's canon CID.
     */
    Resolved canonMapWithLens(CanonMapWithCid map, Lens lens) throws ExecutionError {
        Provenance root = new Provenance.Canon(map.cid);
        if (lens instanceof Lens.Length) {
            return new Resolved(new JsonPosInt(map.pairs.size()),
                    List.of(new SecurityTetraplet(ctx.params.currentPeerId(), "", "", "length")), root);
        }
        List<Lens.Accessor> accessors = ((Lens.ValuePath) lens).accessors();
        MapKey key = mapKey(accessors.get(0));
        CanonStream values = map.index(key);
        SecurityTetraplet mapTetraplet = map.tetraplet;
        if (accessors.size() == 1 || values == null) {
            SecurityTetraplet t = new SecurityTetraplet(mapTetraplet.peerPk(), mapTetraplet.serviceId(),
                    mapTetraplet.functionName(), AirPrinter.lens(lens));
            JsonValue v = values == null ? JsonArray.EMPTY : values.asJson();
            return new Resolved(v, List.of(t), root);
        }
        long idx = streamIndex(accessors.get(1));
        if (idx >= values.size()) {
            throw ExecutionError.lambda("lambda is applied to a stream that have only '" + values.size()
                    + "' elements, but '" + idx + "' requested");
        }
        ValueAggregate element = values.values().get((int) idx);
        if (accessors.size() == 2) {
            return new Resolved(element.result(), List.of(element.tetraplet()), root);
        }
        JsonValue selected = selectPath(element.result(), accessors, 2);
        StringBuilder suffix = new StringBuilder();
        String printed = AirPrinter.lens(new Lens.ValuePath(accessors.subList(2, accessors.size())));
        suffix.append('.').append(printed.substring(3)); // ".$." + joined -> "." + joined
        return new Resolved(selected, List.of(element.tetraplet().withLensAppended(suffix.toString())), root);
    }

    private MapKey mapKey(Lens.Accessor first) throws ExecutionError {
        if (first instanceof Lens.Index i) {
            return MapKey.of(i.index());
        } else if (first instanceof Lens.Field f) {
            return MapKey.of(f.name());
        }
        Object ref = ctx.scalarRef(((Lens.ByScalar) first).scalarName());
        if (ref instanceof FoldState) {
            throw ExecutionError.lambda("canon stream map accessor must not be iterable");
        }
        JsonValue v = ((ValueAggregate) ref).result();
        MapKey key = MapKey.fromJson(v);
        if (key == null) {
            throw ExecutionError.lambda("canon stream map accessor `" + Values.text(v)
                    + "` should be either string or number");
        }
        return key;
    }
}
