package dev.aurum.aquavm.air;

import dev.aurum.aquavm.air.AirParseError.Kind;
import dev.aurum.aquavm.air.AirValue.ApArgument;
import dev.aurum.aquavm.air.AirValue.Destination;
import dev.aurum.aquavm.air.AirValue.FailBody;
import dev.aurum.aquavm.air.AirValue.FoldScalarIterable;
import dev.aurum.aquavm.air.AirValue.ImmutableValue;
import dev.aurum.aquavm.air.AirValue.MapKey;
import dev.aurum.aquavm.air.AirValue.NewArgument;
import dev.aurum.aquavm.air.AirValue.PeerIdValue;
import dev.aurum.aquavm.air.AirValue.StringValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Parses AIR exactly as AquaVM 0.62 does ({@code air.lalrpop} + lexer + validator), with a
 * hand-written recursive-descent parser: the grammar is LL(1) after each instruction's keyword.
 * <pre>{@code
 * Instruction ast = AirParser.parse("(call %init_peer_id% (\"s\" \"f\") [] x)");
 * }</pre>
 * Limits (AquaVM has none of its own): {@value #MAX_SCRIPT_CHARS} characters and
 * {@value #MAX_NESTING_DEPTH} nested instructions; beyond them the script is rejected with
 * {@link Kind#SCRIPT_TOO_LARGE} or {@link Kind#NESTING_TOO_DEEP} rather than risking memory or stack.
 */
public final class AirParser {

    /** Longest script accepted, in UTF-16 chars. */
    public static final int MAX_SCRIPT_CHARS = 16 * 1024 * 1024;
    /** Deepest nesting of instructions accepted (the top-level instruction is depth 1). */
    public static final int MAX_NESTING_DEPTH = 1000;

    private final SourceText src;
    private final AirLexer lexer;
    private final Validator validator = new Validator();
    private Token current;

    private AirParser(SourceText src) {
        this.src = src;
        this.lexer = new AirLexer(src);
    }

    /** Parses and validates one AIR script. */
    public static Instruction parse(String script) throws AirParseException {
        if (script.length() > MAX_SCRIPT_CHARS) {
            AirParseError e = new AirParseError(Kind.SCRIPT_TOO_LARGE, new Span(0, 0), 1, 1,
                    "script has " + script.length() + " characters, more than the limit of " + MAX_SCRIPT_CHARS);
            throw new AirParseException(List.of(e), ErrorReport.render(null, List.of(e)));
        }
        SourceText src = new SourceText(script);
        AirParser parser = new AirParser(src);
        Instruction result;
        try {
            parser.advance();
            result = parser.instruction(1);
            if (!parser.current.is(Token.Kind.EOF)) {
                throw new SyntaxError(Kind.EXTRA_TOKEN, parser.current.span(), "extra token");
            }
        } catch (SyntaxError e) {
            SyntaxError reported = e;
            if (isGrammarError(e.kind) && !isForeignTerminal(parser.current)) {
                // LALRPOP recovers from grammar errors and keeps pulling tokens; a lexer error further on
                // aborts the parse and is then the only error AquaVM reports (or the panic it hits)
                SyntaxError later = parser.lexRest();
                if (later != null) {
                    reported = later;
                }
            }
            throw fail(src, List.of(parser.toError(reported.kind, reported.span, reported.getMessage())));
        }
        List<Validator.Violation> violations = new ArrayList<>(parser.validator.finish());
        // codespan puts the earliest error first (its header location); keep check order among equals
        violations.sort(Comparator.comparingInt(v -> v.span().left()));
        if (!violations.isEmpty()) {
            List<AirParseError> errors = new ArrayList<>();
            for (Validator.Violation v : violations) {
                errors.add(parser.toError(v.kind(), v.span(), v.message()));
            }
            throw fail(src, errors);
        }
        return result;
    }

    private static boolean isGrammarError(Kind kind) {
        return kind == Kind.UNRECOGNIZED_TOKEN || kind == Kind.UNRECOGNIZED_EOF || kind == Kind.EXTRA_TOKEN;
    }

    /**
     * Streams and stream maps with a lens are lexed but are no terminal of AquaVM's grammar: LALRPOP
     * cannot map them and stops at once, without error recovery.
     */
    private static boolean isForeignTerminal(Token t) {
        return t != null && (t.is(Token.Kind.STREAM_WITH_LENS) || t.is(Token.Kind.STREAM_MAP_WITH_LENS));
    }

    /**
     * Lexes the rest of the script as LALRPOP's error recovery does; returns the error that then ends
     * the parse (a lexer error or a foreign terminal), or null if the end is reached.
     */
    private SyntaxError lexRest() {
        try {
            for (Token t = lexer.next(); !t.is(Token.Kind.EOF); t = lexer.next()) {
                if (isForeignTerminal(t)) {
                    return new SyntaxError(Kind.UNRECOGNIZED_TOKEN, t.span(),
                            "unexpected " + t.kind().grammarName + ", expected \"(\"");
                }
            }
            return null;
        } catch (SyntaxError e) {
            return e;
        }
    }

    private static AirParseException fail(SourceText src, List<AirParseError> errors) {
        return new AirParseException(errors, ErrorReport.render(src, errors));
    }

    private AirParseError toError(Kind kind, Span span, String message) {
        return new AirParseError(kind, span, src.line(span.left()), src.column(span.left()), message);
    }

    // ---- token handling ---------------------------------------------------------------------------

    private void advance() throws SyntaxError {
        current = lexer.next();
    }

    private Token take() throws SyntaxError {
        Token t = current;
        advance();
        return t;
    }

    private Token expect(Token.Kind kind) throws SyntaxError {
        if (!current.is(kind)) {
            throw unexpected(kind.grammarName);
        }
        return take();
    }

    // LALRPOP's "expected" lists: terminal names in ASCII order, joined by " or "
    private static final String KEYWORDS = "ap or call or canon or fail or fold or match_ or mismatch or never or new"
            + " or next or null or par or seq or xor";
    private static final String RESOLVABLE = "CanonStreamMapWithLambda or CanonStreamWithLambda or Literal or Scalar"
            + " or ScalarWithLambda";
    private static final String PEER = "CanonStreamMapWithLambda or CanonStreamWithLambda or InitPeerId or Literal"
            + " or Scalar or ScalarWithLambda";
    private static final String AP_ARGUMENT = "\"[\" or Boolean or CanonStream or CanonStreamMapWithLambda"
            + " or CanonStreamWithLambda or Error or ErrorWithLambda or F64 or I64 or InitPeerId or LastError"
            + " or LastErrorWithLambda or Literal or Scalar or ScalarWithLambda or TTL or Timestamp";
    private static final String VALUE = "\"[\" or Boolean or CanonStream or CanonStreamMap or CanonStreamMapWithLambda"
            + " or CanonStreamWithLambda or Error or ErrorWithLambda or F64 or I64 or InitPeerId or LastError"
            + " or LastErrorWithLambda or Literal or Scalar or ScalarWithLambda or TTL or Timestamp";
    private static final String ARGUMENT_OR_END = "\"[\" or \"]\" or Boolean or CanonStream or CanonStreamMap"
            + " or CanonStreamMapWithLambda or CanonStreamWithLambda or Error or ErrorWithLambda or F64 or I64"
            + " or InitPeerId or LastError or LastErrorWithLambda or Literal or Scalar or ScalarWithLambda or TTL"
            + " or Timestamp";

    private SyntaxError unexpected(String expected) {
        if (current.is(Token.Kind.EOF)) {
            int at = lexer.lastTokenEnd();
            return new SyntaxError(Kind.UNRECOGNIZED_EOF, new Span(at, at), "expected " + expected);
        }
        return new SyntaxError(Kind.UNRECOGNIZED_TOKEN, current.span(), "expected " + expected);
    }

    // ---- instructions -------------------------------------------------------------------------------

    private Instruction instruction(int depth) throws SyntaxError {
        Token open = expect(Token.Kind.OPEN_ROUND);
        if (depth > MAX_NESTING_DEPTH) {
            throw new SyntaxError(Kind.NESTING_TOO_DEEP, open.span(),
                    "instructions nested deeper than the limit of " + MAX_NESTING_DEPTH);
        }
        int left = open.span().left();
        Token keyword = take();
        switch (keyword.kind()) {
            case CALL: return call(left);
            case CANON: return canon(left);
            case AP: return ap(left);
            case SEQ: {
                Instruction a = instruction(depth + 1);
                Instruction b = instruction(depth + 1);
                Span span = close(left);
                validator.merging(span);
                return new Instruction.Seq(a, b, span);
            }
            case PAR: {
                Instruction a = instruction(depth + 1);
                Instruction b = instruction(depth + 1);
                Span span = close(left);
                validator.merging(span);
                return new Instruction.Par(a, b, span);
            }
            case XOR: {
                Instruction a = instruction(depth + 1);
                Instruction b = instruction(depth + 1);
                Span span = close(left);
                validator.xoring(span);
                return new Instruction.Xor(a, b, span);
            }
            case NEVER: {
                Span span = close(left);
                validator.simple(span);
                return new Instruction.Never(span);
            }
            case NULL: {
                Span span = close(left);
                validator.simple(span);
                return new Instruction.Null(span);
            }
            case NEW: {
                NewArgument argument = newArgument();
                Instruction body = instruction(depth + 1);
                Span span = close(left);
                validator.newScope(argument.name(), span);
                return new Instruction.New(argument, body, span);
            }
            case FAIL: {
                FailBody body = failBody();
                Span span = close(left);
                validator.fail(body, span);
                return new Instruction.Fail(body, span);
            }
            case FOLD: return fold(left, depth);
            case NEXT: {
                AirValue.Scalar iterator = scalar();
                Span span = close(left);
                validator.next(iterator.name(), span);
                return new Instruction.Next(iterator, span);
            }
            case MATCH:
            case MISMATCH: {
                ImmutableValue a = immutableValue(VALUE);
                ImmutableValue b = immutableValue(VALUE);
                Instruction body = instruction(depth + 1);
                Span span = close(left);
                validator.match(a, b, span);
                return keyword.is(Token.Kind.MATCH) ? new Instruction.Match(a, b, body, span)
                        : new Instruction.MisMatch(a, b, body, span);
            }
            default:
                current = keyword; // report the keyword position itself
                throw unexpected(KEYWORDS);
        }
    }

    private Span close(int left) throws SyntaxError {
        Token close = expect(Token.Kind.CLOSE_ROUND);
        return new Span(left, close.span().right());
    }

    private Instruction call(int left) throws SyntaxError {
        PeerIdValue peer = peerId();
        expect(Token.Kind.OPEN_ROUND);
        StringValue service = stringValue();
        StringValue function = stringValue();
        expect(Token.Kind.CLOSE_ROUND);
        expect(Token.Kind.OPEN_SQUARE);
        List<ImmutableValue> args = new ArrayList<>();
        while (!current.is(Token.Kind.CLOSE_SQUARE)) {
            args.add(immutableValue(ARGUMENT_OR_END));
        }
        take();
        Optional<Destination> output = Optional.empty();
        if (!current.is(Token.Kind.CLOSE_ROUND)) {
            output = Optional.of(destination("\")\" or Scalar or Stream"));
        }
        Span span = close(left);
        Instruction.Call call = new Instruction.Call(new Instruction.Triplet(peer, service, function), args, output,
                span);
        validator.call(call);
        return call;
    }

    private Instruction canon(int left) throws SyntaxError {
        PeerIdValue peer = peerId();
        if (current.is(Token.Kind.STREAM)) {
            AirValue.Stream stream = new AirValue.Stream(current.text(), take().span());
            if (!current.is(Token.Kind.CANON_STREAM)) {
                throw unexpected("CanonStream");
            }
            AirValue.CanonStream canon = new AirValue.CanonStream(current.text(), take().span());
            Span span = close(left);
            validator.canon(canon.name(), span);
            return new Instruction.Canon(peer, stream, canon, span);
        }
        if (!current.is(Token.Kind.STREAM_MAP)) {
            throw unexpected("Stream or StreamMap");
        }
        AirValue.StreamMap map = new AirValue.StreamMap(current.text(), take().span());
        if (current.is(Token.Kind.CANON_STREAM_MAP)) {
            AirValue.CanonStreamMap canon = new AirValue.CanonStreamMap(current.text(), take().span());
            Span span = close(left);
            validator.canon(canon.name(), span);
            return new Instruction.CanonMap(peer, map, canon, span);
        }
        if (current.is(Token.Kind.SCALAR)) {
            AirValue.Scalar scalar = scalar();
            Span span = close(left);
            validator.canon(scalar.name(), span);
            return new Instruction.CanonStreamMapScalar(peer, map, scalar, span);
        }
        throw unexpected("CanonStreamMap or Scalar");
    }

    private Instruction ap(int left) throws SyntaxError {
        if (current.is(Token.Kind.OPEN_ROUND)) {
            take();
            MapKey key = mapKey();
            ApArgument value = apArgument();
            expect(Token.Kind.CLOSE_ROUND);
            if (!current.is(Token.Kind.STREAM_MAP)) {
                throw unexpected("StreamMap");
            }
            AirValue.StreamMap map = new AirValue.StreamMap(current.text(), take().span());
            Span span = close(left);
            validator.apMap(key, map.name(), span);
            return new Instruction.ApMap(key, value, map, span);
        }
        ApArgument argument = apArgument();
        Destination result = destination("Scalar or Stream");
        Span span = close(left);
        validator.ap(argument, result.name(), span);
        return new Instruction.Ap(argument, result, span);
    }

    private Instruction fold(int left, int depth) throws SyntaxError {
        Token iterableToken = current;
        if (iterableToken.is(Token.Kind.STREAM) || iterableToken.is(Token.Kind.STREAM_MAP)) {
            take();
            AirValue.Scalar iterator = scalar();
            Instruction body = instruction(depth + 1);
            Optional<Instruction> last = optionalLast(depth);
            Span span = close(left);
            validator.foldStreamLike(iterableToken.text(), iterator.name(), last.isPresent(), span);
            if (iterableToken.is(Token.Kind.STREAM)) {
                return new Instruction.FoldStream(new AirValue.Stream(iterableToken.text(), iterableToken.span()),
                        iterator, body, last, span);
            }
            return new Instruction.FoldStreamMap(new AirValue.StreamMap(iterableToken.text(), iterableToken.span()),
                    iterator, body, last, span);
        }
        FoldScalarIterable iterable = foldScalarIterable();
        AirValue.Scalar iterator = scalar();
        Instruction body = instruction(depth + 1);
        Optional<Instruction> last = optionalLast(depth);
        Span span = close(left);
        Instruction.FoldScalar fold = new Instruction.FoldScalar(iterable, iterator, body, last, span);
        validator.foldScalar(fold);
        return fold;
    }

    private Optional<Instruction> optionalLast(int depth) throws SyntaxError {
        if (current.is(Token.Kind.OPEN_ROUND)) {
            return Optional.of(instruction(depth + 1));
        }
        return Optional.empty();
    }

    // ---- operands by grammar position ----------------------------------------------------------

    private AirValue.Scalar scalar() throws SyntaxError {
        if (!current.is(Token.Kind.SCALAR)) {
            throw unexpected("Scalar");
        }
        Token t = take();
        return new AirValue.Scalar(t.text(), t.span());
    }

    private Destination destination(String expected) throws SyntaxError {
        if (current.is(Token.Kind.SCALAR)) {
            return scalar();
        }
        if (current.is(Token.Kind.STREAM)) {
            Token t = take();
            return new AirValue.Stream(t.text(), t.span());
        }
        throw unexpected(expected);
    }

    private NewArgument newArgument() throws SyntaxError {
        Token t = current;
        NewArgument arg = switch (t.kind()) {
            case SCALAR -> new AirValue.Scalar(t.text(), t.span());
            case STREAM -> new AirValue.Stream(t.text(), t.span());
            case STREAM_MAP -> new AirValue.StreamMap(t.text(), t.span());
            case CANON_STREAM -> new AirValue.CanonStream(t.text(), t.span());
            case CANON_STREAM_MAP -> new AirValue.CanonStreamMap(t.text(), t.span());
            default -> null;
        };
        if (arg == null) {
            throw unexpected("CanonStream or CanonStreamMap or Scalar or Stream or StreamMap");
        }
        take();
        return arg;
    }

    private FailBody failBody() throws SyntaxError {
        Token t = current;
        switch (t.kind()) {
            case SCALAR:
                take();
                return new AirValue.Scalar(t.text(), t.span());
            case SCALAR_WITH_LENS:
                take();
                return new AirValue.ScalarWithLens(t.text(), t.lens(), t.span());
            case CANON_STREAM_WITH_LENS:
                take();
                return new AirValue.CanonStreamWithLens(t.text(), t.lens(), t.span());
            case LAST_ERROR:
                take();
                return new AirValue.LastError(Optional.empty());
            case ERROR:
                take();
                return new AirValue.InstructionError(Optional.empty());
            case I64: {
                take();
                if (!current.is(Token.Kind.STRING_LITERAL)) {
                    throw unexpected("Literal");
                }
                String message = take().text();
                return new AirValue.FailLiteral(((AirValue.Int) t.number()).value(), message);
            }
            default:
                throw unexpected("CanonStreamWithLambda or Error or I64 or LastError or Scalar or ScalarWithLambda");
        }
    }

    private FoldScalarIterable foldScalarIterable() throws SyntaxError {
        Token t = current;
        switch (t.kind()) {
            case SCALAR:
                take();
                return new AirValue.Scalar(t.text(), t.span());
            case SCALAR_WITH_LENS:
                take();
                return new AirValue.ScalarWithLens(t.text(), t.lens(), t.span());
            case CANON_STREAM:
                take();
                return new AirValue.CanonStream(t.text(), t.span());
            case CANON_STREAM_MAP:
                take();
                return new AirValue.CanonStreamMap(t.text(), t.span());
            case CANON_STREAM_MAP_WITH_LENS:
                take();
                return new AirValue.CanonStreamMapWithLens(t.text(), t.lens(), t.span());
            case OPEN_SQUARE:
                take();
                expect(Token.Kind.CLOSE_SQUARE);
                return new AirValue.EmptyArray();
            default:
                throw unexpected("\"[\" or CanonStream or CanonStreamMap or CanonStreamMapWithLambda or Scalar"
                        + " or ScalarWithLambda or Stream or StreamMap");
        }
    }

    private PeerIdValue peerId() throws SyntaxError {
        if (current.is(Token.Kind.INIT_PEER_ID)) {
            take();
            return new AirValue.InitPeerId();
        }
        return (PeerIdValue) resolvable(PEER);
    }

    private StringValue stringValue() throws SyntaxError {
        return (StringValue) resolvable(RESOLVABLE);
    }

    /** The common part of ResolvableToPeerIdVariable and ResolvableToStringVariable. */
    private AirValue resolvable(String expected) throws SyntaxError {
        Token t = current;
        switch (t.kind()) {
            case STRING_LITERAL:
                take();
                return new AirValue.Literal(t.text());
            case SCALAR:
                take();
                return new AirValue.Scalar(t.text(), t.span());
            case SCALAR_WITH_LENS:
                take();
                return new AirValue.ScalarWithLens(t.text(), t.lens(), t.span());
            case CANON_STREAM_WITH_LENS:
                take();
                return new AirValue.CanonStreamWithLens(t.text(), t.lens(), t.span());
            case CANON_STREAM_MAP_WITH_LENS:
                take();
                return new AirValue.CanonStreamMapWithLens(t.text(), t.lens(), t.span());
            default:
                throw unexpected(expected);
        }
    }

    private MapKey mapKey() throws SyntaxError {
        Token t = current;
        switch (t.kind()) {
            case STRING_LITERAL:
                take();
                return new AirValue.Literal(t.text());
            case I64:
                take();
                return (AirValue.Int) t.number();
            case SCALAR:
                take();
                return new AirValue.Scalar(t.text(), t.span());
            case SCALAR_WITH_LENS:
                take();
                return new AirValue.ScalarWithLens(t.text(), t.lens(), t.span());
            case CANON_STREAM_WITH_LENS:
                take();
                return new AirValue.CanonStreamWithLens(t.text(), t.lens(), t.span());
            default:
                throw unexpected("CanonStreamWithLambda or I64 or Literal or Scalar or ScalarWithLambda");
        }
    }

    private ImmutableValue immutableValue(String expected) throws SyntaxError {
        if (current.is(Token.Kind.CANON_STREAM_MAP)) {
            Token t = take();
            return new AirValue.CanonStreamMap(t.text(), t.span());
        }
        return (ImmutableValue) commonValue(expected);
    }

    /** ApArgument: the call-argument forms except a bare {@code #%map}. */
    private ApArgument apArgument() throws SyntaxError {
        return (ApArgument) commonValue(AP_ARGUMENT);
    }

    private AirValue commonValue(String expected) throws SyntaxError {
        Token t = current;
        switch (t.kind()) {
            case INIT_PEER_ID:
                take();
                return new AirValue.InitPeerId();
            case LAST_ERROR:
                take();
                return new AirValue.LastError(Optional.empty());
            case LAST_ERROR_WITH_LENS:
                take();
                return new AirValue.LastError(Optional.of(t.lens()));
            case ERROR:
                take();
                return new AirValue.InstructionError(Optional.empty());
            case ERROR_WITH_LENS:
                take();
                return new AirValue.InstructionError(Optional.of(t.lens()));
            case STRING_LITERAL:
                take();
                return new AirValue.Literal(t.text());
            case TIMESTAMP:
                take();
                return new AirValue.Timestamp();
            case TTL:
                take();
                return new AirValue.Ttl();
            case I64:
            case F64:
                take();
                return t.number();
            case BOOLEAN:
                take();
                return new AirValue.Bool(t.text().equals("true"));
            case OPEN_SQUARE:
                take();
                expect(Token.Kind.CLOSE_SQUARE);
                return new AirValue.EmptyArray();
            case SCALAR:
                take();
                return new AirValue.Scalar(t.text(), t.span());
            case SCALAR_WITH_LENS:
                take();
                return new AirValue.ScalarWithLens(t.text(), t.lens(), t.span());
            case CANON_STREAM:
                take();
                return new AirValue.CanonStream(t.text(), t.span());
            case CANON_STREAM_WITH_LENS:
                take();
                return new AirValue.CanonStreamWithLens(t.text(), t.lens(), t.span());
            case CANON_STREAM_MAP_WITH_LENS:
                take();
                return new AirValue.CanonStreamMapWithLens(t.text(), t.lens(), t.span());
            default:
                throw unexpected(expected);
        }
    }
}
