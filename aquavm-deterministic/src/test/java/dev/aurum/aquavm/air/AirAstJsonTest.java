package dev.aurum.aquavm.air;

import static dev.aurum.aquavm.air.AirTestSupport.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The avm.wasm `ast` JSON shape; expected texts were printed by avm.wasm 0.62.0 itself. */
class AirAstJsonTest {

    @Test
    void floatsAsSerdeJsonPrintsThem() {
        assertEquals("-1.5", AirAstJson.jsonFloat("-1.50"));
        assertEquals("1e-9", AirAstJson.jsonFloat("0.000000001"));
        assertEquals("0.00001", AirAstJson.jsonFloat("0.00001"));
        assertEquals("1234.5", AirAstJson.jsonFloat("1234.5"));
        assertEquals("1.0", AirAstJson.jsonFloat("1.0"));
        assertEquals("12345678.9", AirAstJson.jsonFloat("12345678.9"));
        assertEquals("-0.0", AirAstJson.jsonFloat("-0.0"));
        assertEquals("5.0", AirAstJson.jsonFloat("+5."));
        assertEquals("1.2e-8", AirAstJson.jsonFloat("0.000000012"));
        assertEquals("100.0", AirAstJson.jsonFloat("100.00"));
    }

    @Test
    void smallScriptsVerbatim() {
        assertEquals("{\"Seq\":[{\"Null\":null},{\"Call\":{\"triplet\":{\"peer_id\":{\"Literal\":\"p\"},\"service_id\":"
                + "{\"Literal\":\"s\"},\"function_name\":{\"Literal\":\"f\"}},\"args\":[],\"output\":{\"Scalar\":"
                + "{\"name\":\"x\",\"position\":35}}}}]}",
                AirAstJson.render(parse("(seq (null) (call \"p\" (\"s\" \"f\") [] x))")));
        assertEquals("{\"Fail\":{\"Literal\":{\"ret_code\":5,\"error_message\":\"a\\\\n\\n\\u0001\"}}}",
                AirAstJson.render(parse("(fail 5 \"a\\n\n\u0001\")")));
        assertEquals("{\"FoldScalar\":{\"iterable\":\"EmptyArray\",\"iterator\":{\"name\":\"z\",\"position\":9},"
                + "\"instruction\":{\"Null\":null},\"last_instruction\":null,\"span\":{\"left\":0,\"right\":18}}}",
                AirAstJson.render(parse("(fold [] z (null))")));
    }
}
