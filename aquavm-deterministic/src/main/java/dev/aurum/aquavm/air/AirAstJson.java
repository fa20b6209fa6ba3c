package dev.aurum.aquavm.air;

import dev.aurum.aquavm.air.AirValue.Variable;
import java.util.List;
import java.util.Optional;

/**
 * Renders a parsed AST as the JSON that avm.wasm's {@code ast} export returns (serde_json of AquaVM's AST:
 * externally tagged enums, {@code position} = byte offset of a variable, {@code span} of folds and
 * {@code new}), so the two parsers can be compared output for output. Hand-written: no JSON library
 * is used in the portable core. Recursion depth is the AST's depth (at most
 * {@link AirParser#MAX_NESTING_DEPTH} for parsed scripts).
 */
public final class AirAstJson {

    private final StringBuilder out = new StringBuilder();

    private AirAstJson() {
    }

    /** The minified JSON of {@code root}, byte for byte as AquaVM 0.62 prints it. */
    public static String render(Instruction root) {
        AirAstJson json = new AirAstJson();
        json.instruction(root);
        return json.out.toString();
    }

    private void instruction(Instruction ins) {
        if (ins instanceof Instruction.Call c) {
            out.append("{\"Call\":{\"triplet\":{\"peer_id\":");
            resolvable(c.triplet().peerId());
            out.append(",\"service_id\":");
            resolvable(c.triplet().serviceId());
            out.append(",\"function_name\":");
            resolvable(c.triplet().functionName());
            out.append("},\"args\":[");
            for (int i = 0; i < c.arguments().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                immutable(c.arguments().get(i));
            }
            out.append("],\"output\":");
            if (c.output().isPresent()) {
                tagged(c.output().get());
            } else {
                out.append("\"None\"");
            }
            out.append("}}");
        } else if (ins instanceof Instruction.Ap ap) {
            out.append("{\"Ap\":{\"argument\":");
            flat(ap.argument());
            out.append(",\"result\":");
            tagged(ap.result());
            out.append("}}");
        } else if (ins instanceof Instruction.ApMap ap) {
            out.append("{\"ApMap\":{\"key\":");
            if (ap.key() instanceof AirValue.Int i) {
                out.append("{\"Int\":").append(i.value()).append('}');
            } else {
                flat(ap.key());
            }
            out.append(",\"value\":");
            flat(ap.value());
            out.append(",\"map\":");
            variable(ap.map());
            out.append("}}");
        } else if (ins instanceof Instruction.Canon c) {
            out.append("{\"Canon\":{\"peer_id\":");
            resolvable(c.peerId());
            out.append(",\"stream\":");
            variable(c.stream());
            out.append(",\"canon_stream\":");
            variable(c.canonStream());
            out.append("}}");
        } else if (ins instanceof Instruction.CanonMap c) {
            out.append("{\"CanonMap\":{\"peer_id\":");
            resolvable(c.peerId());
            out.append(",\"stream_map\":");
            variable(c.streamMap());
            out.append(",\"canon_stream_map\":");
            variable(c.canonStreamMap());
            out.append("}}");
        } else if (ins instanceof Instruction.CanonStreamMapScalar c) {
            out.append("{\"CanonStreamMapScalar\":{\"peer_id\":");
            resolvable(c.peerId());
            out.append(",\"stream_map\":");
            variable(c.streamMap());
            out.append(",\"scalar\":");
            variable(c.scalar());
            out.append("}}");
        } else if (ins instanceof Instruction.Seq s) {
            pair("Seq", s.left(), s.right());
        } else if (ins instanceof Instruction.Par p) {
            pair("Par", p.left(), p.right());
        } else if (ins instanceof Instruction.Xor x) {
            pair("Xor", x.left(), x.right());
        } else if (ins instanceof Instruction.Match m) {
            matchLike("Match", m.left(), m.right(), m.body());
        } else if (ins instanceof Instruction.MisMatch m) {
            matchLike("MisMatch", m.left(), m.right(), m.body());
        } else if (ins instanceof Instruction.Fail f) {
            out.append("{\"Fail\":");
            fail(f.body());
            out.append('}');
        } else if (ins instanceof Instruction.FoldScalar f) {
            out.append("{\"FoldScalar\":{\"iterable\":");
            if (f.iterable() instanceof AirValue.EmptyArray) {
                out.append("\"EmptyArray\"");
            } else {
                tagged(f.iterable());
            }
            foldRest(f.iterator(), f.body(), f.last(), f.span());
        } else if (ins instanceof Instruction.FoldStream f) {
            out.append("{\"FoldStream\":{\"iterable\":");
            variable(f.iterable());
            foldRest(f.iterator(), f.body(), f.last(), f.span());
        } else if (ins instanceof Instruction.FoldStreamMap f) {
            out.append("{\"FoldStreamMap\":{\"iterable\":");
            variable(f.iterable());
            foldRest(f.iterator(), f.body(), f.last(), f.span());
        } else if (ins instanceof Instruction.Never) {
            out.append("{\"Never\":null}");
        } else if (ins instanceof Instruction.New n) {
            out.append("{\"New\":{\"argument\":");
            tagged(n.argument());
            out.append(",\"instruction\":");
            instruction(n.body());
            out.append(",\"span\":");
            span(n.span());
            out.append("}}");
        } else if (ins instanceof Instruction.Next n) {
            out.append("{\"Next\":{\"iterator\":");
            variable(n.iterator());
            out.append("}}");
        } else if (ins instanceof Instruction.Null) {
            out.append("{\"Null\":null}");
        }
    }

    private void pair(String tag, Instruction left, Instruction right) {
        out.append("{\"").append(tag).append("\":[");
        instruction(left);
        out.append(',');
        instruction(right);
        out.append("]}");
    }

    private void matchLike(String tag, AirValue left, AirValue right, Instruction body) {
        out.append("{\"").append(tag).append("\":{\"left_value\":");
        immutable(left);
        out.append(",\"right_value\":");
        immutable(right);
        out.append(",\"instruction\":");
        instruction(body);
        out.append("}}");
    }

    private void foldRest(Variable iterator, Instruction body, Optional<Instruction> last, Span span) {
        out.append(",\"iterator\":");
        variable(iterator);
        out.append(",\"instruction\":");
        instruction(body);
        out.append(",\"last_instruction\":");
        if (last.isPresent()) {
            instruction(last.get());
        } else {
            out.append("null");
        }
        out.append(",\"span\":");
        span(span);
        out.append("}}");
    }

    private void fail(AirValue.FailBody body) {
        if (body instanceof AirValue.FailLiteral l) {
            out.append("{\"Literal\":{\"ret_code\":").append(l.retCode()).append(",\"error_message\":");
            string(l.message());
            out.append("}}");
        } else if (body instanceof AirValue.LastError) {
            out.append("\"LastError\"");
        } else if (body instanceof AirValue.InstructionError) {
            out.append("\"Error\"");
        } else {
            tagged(body);
        }
    }

    /** ResolvableToPeerIdVariable / ResolvableToStringVariable. */
    private void resolvable(AirValue v) {
        if (v instanceof AirValue.InitPeerId) {
            out.append("\"InitPeerId\"");
        } else if (v instanceof AirValue.Literal l) {
            out.append("{\"Literal\":");
            string(l.text());
            out.append('}');
        } else {
            tagged(v);
        }
    }

    /** ImmutableValue: variables are wrapped in Variable / VariableWithLambda. */
    private void immutable(AirValue v) {
        if (v instanceof Variable var) {
            boolean withLens = v instanceof AirValue.ScalarWithLens || v instanceof AirValue.CanonStreamWithLens
                    || v instanceof AirValue.CanonStreamMapWithLens;
            String kind = v instanceof AirValue.Scalar || v instanceof AirValue.ScalarWithLens ? "Scalar"
                    : v instanceof AirValue.CanonStream || v instanceof AirValue.CanonStreamWithLens ? "CanonStream"
                    : "CanonStreamMap";
            out.append(withLens ? "{\"VariableWithLambda\":{\"" : "{\"Variable\":{\"").append(kind).append("\":");
            variable(var);
            out.append("}}");
        } else {
            flat(v);
        }
    }

    /** ApArgument and the literal forms shared with ImmutableValue. */
    private void flat(AirValue v) {
        if (v instanceof AirValue.InitPeerId) {
            out.append("\"InitPeerId\"");
        } else if (v instanceof AirValue.Timestamp) {
            out.append("\"Timestamp\"");
        } else if (v instanceof AirValue.Ttl) {
            out.append("\"TTL\"");
        } else if (v instanceof AirValue.EmptyArray) {
            out.append("\"EmptyArray\"");
        } else if (v instanceof AirValue.InstructionError e) {
            out.append("{\"Error\":{\"lens\":");
            optionalLens(e.lens());
            out.append("}}");
        } else if (v instanceof AirValue.LastError e) {
            out.append("{\"LastError\":");
            optionalLens(e.lens());
            out.append('}');
        } else if (v instanceof AirValue.Literal l) {
            out.append("{\"Literal\":");
            string(l.text());
            out.append('}');
        } else if (v instanceof AirValue.Int i) {
            out.append("{\"Number\":{\"Int\":").append(i.value()).append("}}");
        } else if (v instanceof AirValue.Float f) {
            out.append("{\"Number\":{\"Float\":").append(jsonFloat(f.text())).append("}}");
        } else if (v instanceof AirValue.Bool b) {
            out.append("{\"Boolean\":").append(b.value()).append('}');
        } else {
            tagged(v);
        }
    }

    /** {"Kind":{variable}} with the serde variant name of the variable's type. */
    private void tagged(AirValue v) {
        String tag;
        if (v instanceof AirValue.Scalar) {
            tag = "Scalar";
        } else if (v instanceof AirValue.ScalarWithLens) {
            tag = "ScalarWithLambda";
        } else if (v instanceof AirValue.Stream) {
            tag = "Stream";
        } else if (v instanceof AirValue.StreamMap) {
            tag = "StreamMap";
        } else if (v instanceof AirValue.CanonStream) {
            tag = "CanonStream";
        } else if (v instanceof AirValue.CanonStreamWithLens) {
            tag = "CanonStreamWithLambda";
        } else if (v instanceof AirValue.CanonStreamMap) {
            tag = "CanonStreamMap";
        } else if (v instanceof AirValue.CanonStreamMapWithLens) {
            tag = "CanonStreamMapWithLambda";
        } else {
            throw new IllegalStateException("not a variable: " + v);
        }
        out.append("{\"").append(tag).append("\":");
        variable((Variable) v);
        out.append('}');
    }

    private void variable(Variable v) {
        out.append("{\"name\":");
        string(v.name());
        Lens lens = v instanceof AirValue.ScalarWithLens s ? s.lens()
                : v instanceof AirValue.CanonStreamWithLens c ? c.lens()
                : v instanceof AirValue.CanonStreamMapWithLens m ? m.lens() : null;
        if (lens != null) {
            out.append(",\"lambda\":");
            lens(lens);
        }
        out.append(",\"position\":").append(v.span().left()).append('}');
    }

    private void optionalLens(Optional<Lens> lens) {
        if (lens.isPresent()) {
            lens(lens.get());
        } else {
            out.append("null");
        }
    }

    private void lens(Lens lens) {
        if (lens instanceof Lens.Length) {
            out.append("{\"Functor\":\"Length\"}");
            return;
        }
        out.append("{\"ValuePath\":[");
        List<Lens.Accessor> accessors = ((Lens.ValuePath) lens).accessors();
        for (int i = 0; i < accessors.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Lens.Accessor a = accessors.get(i);
            if (a instanceof Lens.Index idx) {
                out.append("{\"ArrayAccess\":{\"idx\":").append(idx.index()).append("}}");
            } else if (a instanceof Lens.Field f) {
                out.append("{\"FieldAccessByName\":{\"field_name\":");
                string(f.name());
                out.append("}}");
            } else if (a instanceof Lens.ByScalar s) {
                out.append("{\"FieldAccessByScalar\":{\"scalar_name\":");
                string(s.scalarName());
                out.append("}}");
            }
        }
        out.append("]}");
    }

    private void span(Span span) {
        out.append("{\"left\":").append(span.left()).append(",\"right\":").append(span.right()).append('}');
    }

    /** serde_json's string escaping: quote, backslash and control characters only. */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * serde_json (ryu) text of the f64 an AIR float word denotes. AIR floats have at most 10 significant
     * digits, so ryu's shortest digits are the written ones without leading and trailing zeros; this
     * applies ryu's layout rules to them ({@code 1.0}, {@code 0.00001}, {@code 1e-9}, {@code -0.0}).
     */
    static String jsonFloat(String text) {
        boolean negative = text.charAt(0) == '-';
        int start = (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        int dot = text.indexOf('.');
        String intPart = dot < 0 ? text.substring(start) : text.substring(start, dot);
        String fracPart = dot < 0 ? "" : text.substring(dot + 1);
        String all = intPart + fracPart;
        int lead = 0;
        while (lead < all.length() && all.charAt(lead) == '0') {
            lead++;
        }
        int end = all.length();
        while (end > lead && all.charAt(end - 1) == '0') {
            end--;
        }
        String sign = negative ? "-" : "";
        if (lead == end) {
            return sign + "0.0";
        }
        String digits = all.substring(lead, end);
        int k = (all.length() - end) - fracPart.length(); // value = digits * 10^k
        int n = digits.length();
        int kk = n + k;
        StringBuilder sb = new StringBuilder(sign);
        if (k >= 0 && kk <= 16) {
            sb.append(digits).append("0".repeat(k)).append(".0");
        } else if (kk > 0 && kk <= 16) {
            sb.append(digits, 0, kk).append('.').append(digits, kk, n);
        } else if (kk > -5 && kk <= 0) {
            sb.append("0.").append("0".repeat(-kk)).append(digits);
        } else if (n == 1) {
            sb.append(digits).append('e').append(kk - 1);
        } else {
            sb.append(digits.charAt(0)).append('.').append(digits, 1, n).append('e').append(kk - 1);
        }
        return sb.toString();
    }
}
