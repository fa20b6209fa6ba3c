package dev.aurum.aquavm.air;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Text forms of the AST, independent of {@code toString}:
 * <ul>
 * <li>{@link #instruction}: AquaVM's {@code Display} of an instruction, used as
 * {@code %last_error%.instruction}: no parentheses, no children, e.g. {@code call "p" ("s" "f") [a b] x},
 * {@code call "peer" ("" "") [] } (trailing space without output), {@code seq}, {@code fold x i};</li>
 * <li>{@link #lens}: AquaVM's normalised lens text for tetraplets, e.g. {@code .$.a.[0].[x]};</li>
 * <li>{@link #value}: an operand as AquaVM prints it (floats normalised, e.g. {@code 1.50 -> 1.5});</li>
 * <li>{@link #script}: a whole script in canonical one-line form that parses back to the same AST.</li>
 * </ul>
 */
public final class AirPrinter {

    private AirPrinter() {
    }

    /** AquaVM's {@code Display for Instruction}. */
    public static String instruction(Instruction instruction) {
        StringBuilder sb = new StringBuilder();
        if (instruction instanceof Instruction.Call c) {
            sb.append("call ").append(value(c.triplet().peerId())).append(" (").append(value(c.triplet().serviceId()))
                    .append(' ').append(value(c.triplet().functionName())).append(") [");
            for (int i = 0; i < c.arguments().size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(value(c.arguments().get(i)));
            }
            sb.append("] ");
            c.output().ifPresent(o -> sb.append(value(o)));
        } else if (instruction instanceof Instruction.Canon c) {
            sb.append("canon ").append(value(c.peerId())).append(' ').append(value(c.stream())).append(' ')
                    .append(value(c.canonStream()));
        } else if (instruction instanceof Instruction.CanonMap c) {
            sb.append("canon ").append(value(c.peerId())).append(' ').append(value(c.streamMap())).append(' ')
                    .append(value(c.canonStreamMap()));
        } else if (instruction instanceof Instruction.CanonStreamMapScalar c) {
            sb.append("canon ").append(value(c.peerId())).append(' ').append(value(c.streamMap())).append(' ')
                    .append(value(c.scalar()));
        } else if (instruction instanceof Instruction.Ap ap) {
            sb.append("ap ").append(value(ap.argument())).append(' ').append(value(ap.result()));
        } else if (instruction instanceof Instruction.ApMap ap) {
            sb.append("ap (").append(value(ap.key())).append(' ').append(value(ap.value())).append(") ")
                    .append(value(ap.map()));
        } else if (instruction instanceof Instruction.Seq) {
            sb.append("seq");
        } else if (instruction instanceof Instruction.Par) {
            sb.append("par");
        } else if (instruction instanceof Instruction.Xor) {
            sb.append("xor");
        } else if (instruction instanceof Instruction.Match m) {
            sb.append("match ").append(value(m.left())).append(' ').append(value(m.right()));
        } else if (instruction instanceof Instruction.MisMatch m) {
            sb.append("mismatch ").append(value(m.left())).append(' ').append(value(m.right()));
        } else if (instruction instanceof Instruction.Fail f) {
            sb.append("fail ").append(value(f.body()));
        } else if (instruction instanceof Instruction.FoldScalar f) {
            sb.append("fold ").append(value(f.iterable())).append(' ').append(value(f.iterator()));
        } else if (instruction instanceof Instruction.FoldStream f) {
            sb.append("fold ").append(value(f.iterable())).append(' ').append(value(f.iterator()));
        } else if (instruction instanceof Instruction.FoldStreamMap f) {
            sb.append("fold ").append(value(f.iterable())).append(' ').append(value(f.iterator()));
        } else if (instruction instanceof Instruction.Never) {
            sb.append("never");
        } else if (instruction instanceof Instruction.Next n) {
            sb.append("next ").append(value(n.iterator()));
        } else if (instruction instanceof Instruction.New n) {
            sb.append("new ").append(value(n.argument()));
        } else if (instruction instanceof Instruction.Null) {
            sb.append("null");
        }
        return sb.toString();
    }

    /** An operand as AquaVM's {@code Display} prints it. */
    public static String value(AirValue value) {
        if (value instanceof AirValue.InitPeerId) {
            return "%init_peer_id%";
        } else if (value instanceof AirValue.LastError e) {
            return "%last_error%" + optionalLens(e.lens());
        } else if (value instanceof AirValue.InstructionError e) {
            return ":error:" + optionalLens(e.lens());
        } else if (value instanceof AirValue.Timestamp) {
            return "%timestamp%";
        } else if (value instanceof AirValue.Ttl) {
            return "%ttl%";
        } else if (value instanceof AirValue.Literal l) {
            return "\"" + l.text() + "\"";
        } else if (value instanceof AirValue.Int i) {
            return Long.toString(i.value());
        } else if (value instanceof AirValue.Float f) {
            return Numbers.displayFloat(f.text());
        } else if (value instanceof AirValue.Bool b) {
            return b.value() ? "true" : "false";
        } else if (value instanceof AirValue.EmptyArray) {
            return "[]";
        } else if (value instanceof AirValue.FailLiteral f) {
            return f.retCode() + " \"" + f.message() + "\"";
        } else if (value instanceof AirValue.ScalarWithLens v) {
            return v.name() + lens(v.lens());
        } else if (value instanceof AirValue.CanonStreamWithLens v) {
            return v.name() + lens(v.lens());
        } else if (value instanceof AirValue.CanonStreamMapWithLens v) {
            return v.name() + lens(v.lens());
        } else if (value instanceof AirValue.Variable v) {
            return v.name();
        }
        throw new IllegalStateException("unknown value " + value.getClass().getName());
    }

    /** AquaVM's {@code Display for LambdaAST}: {@code .length} or {@code .$.} + accessors joined by dots. */
    public static String lens(Lens lens) {
        if (lens instanceof Lens.Length) {
            return ".length";
        }
        StringBuilder sb = new StringBuilder(".$.");
        boolean first = true;
        for (Lens.Accessor a : ((Lens.ValuePath) lens).accessors()) {
            if (!first) {
                sb.append('.');
            }
            first = false;
            if (a instanceof Lens.Index i) {
                sb.append('[').append(i.index()).append(']');
            } else if (a instanceof Lens.ByScalar s) {
                sb.append('[').append(s.scalarName()).append(']');
            } else if (a instanceof Lens.Field f) {
                sb.append(f.name());
            }
        }
        return sb.toString();
    }

    private static String optionalLens(Optional<Lens> lens) {
        return lens.map(AirPrinter::lens).orElse("");
    }

    /**
     * The whole script on one line, e.g. {@code (seq (null) (call "p" ("s" "f") [] x))}. Iterative, so
     * any depth prints. Floats keep their written text so that reparsing gives an equal AST.
     */
    public static String script(Instruction root) {
        StringBuilder sb = new StringBuilder();
        Deque<Object> work = new ArrayDeque<>(); // Instruction to print, or String to append
        work.push(root);
        while (!work.isEmpty()) {
            Object item = work.pop();
            if (item instanceof String s) {
                sb.append(s);
                continue;
            }
            Instruction ins = (Instruction) item;
            sb.append('(').append(header(ins));
            // push children in reverse order, each preceded by a space
            work.push(")");
            Instruction[] children = children(ins);
            for (int i = children.length - 1; i >= 0; i--) {
                work.push(children[i]);
                work.push(" ");
            }
        }
        return sb.toString();
    }

    /** The instruction's own text for re-parsing: like {@link #instruction} but exact for literals. */
    private static String header(Instruction ins) {
        String text = instruction(ins);
        if (ins instanceof Instruction.Call c) {
            StringBuilder sb = new StringBuilder("call ").append(value(c.triplet().peerId())).append(" (")
                    .append(value(c.triplet().serviceId())).append(' ').append(value(c.triplet().functionName()))
                    .append(") [");
            for (int i = 0; i < c.arguments().size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(sourceValue(c.arguments().get(i)));
            }
            sb.append(']');
            c.output().ifPresent(o -> sb.append(' ').append(value(o)));
            return sb.toString();
        }
        if (ins instanceof Instruction.Ap ap) {
            return "ap " + sourceValue(ap.argument()) + " " + value(ap.result());
        }
        if (ins instanceof Instruction.ApMap ap) {
            return "ap (" + sourceValue(ap.key()) + " " + sourceValue(ap.value()) + ") " + value(ap.map());
        }
        if (ins instanceof Instruction.Match m) {
            return "match " + sourceValue(m.left()) + " " + sourceValue(m.right());
        }
        if (ins instanceof Instruction.MisMatch m) {
            return "mismatch " + sourceValue(m.left()) + " " + sourceValue(m.right());
        }
        return text;
    }

    /** Numbers as written (so the exact text survives a round trip); everything else as {@link #value}. */
    private static String sourceValue(AirValue v) {
        if (v instanceof AirValue.Number n) {
            return n.text();
        }
        return value(v);
    }

    private static Instruction[] children(Instruction ins) {
        if (ins instanceof Instruction.Seq s) {
            return new Instruction[] {s.left(), s.right()};
        } else if (ins instanceof Instruction.Par p) {
            return new Instruction[] {p.left(), p.right()};
        } else if (ins instanceof Instruction.Xor x) {
            return new Instruction[] {x.left(), x.right()};
        } else if (ins instanceof Instruction.Match m) {
            return new Instruction[] {m.body()};
        } else if (ins instanceof Instruction.MisMatch m) {
            return new Instruction[] {m.body()};
        } else if (ins instanceof Instruction.New n) {
            return new Instruction[] {n.body()};
        } else if (ins instanceof Instruction.FoldScalar f) {
            return foldChildren(f.body(), f.last());
        } else if (ins instanceof Instruction.FoldStream f) {
            return foldChildren(f.body(), f.last());
        } else if (ins instanceof Instruction.FoldStreamMap f) {
            return foldChildren(f.body(), f.last());
        }
        return new Instruction[0];
    }

    private static Instruction[] foldChildren(Instruction body, Optional<Instruction> last) {
        return last.map(l -> new Instruction[] {body, l}).orElseGet(() -> new Instruction[] {body});
    }
}
