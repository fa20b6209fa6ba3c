package dev.aurum.aquavm.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void escapesExactlyLikeSerdeJson() {
        String s = "q\" b\\ \b\f\n\r\t \u0000\u0001\u001f \u007f / é \ud83d\ude00";
        byte[] expected = ("\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f \u007f / é \ud83d\ude00\"")
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, JsonWriter.compact(JsonValue.of(s)));
    }

    @Test
    void objectKeysSortByUtf8Bytes() {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("b", JsonValue.of(1L));
        members.put("\ud83d\ude00", JsonValue.of(2L)); // U+1F600: after U+E000 in UTF-8, before it in UTF-16
        members.put("\ue000", JsonValue.of(3L));
        members.put("a", JsonValue.of(4L));
        members.put("B", JsonValue.of(5L));
        assertEquals("{\"B\":5,\"a\":4,\"b\":1,\"\ue000\":3,\"\ud83d\ude00\":2}",
                JsonWriter.toCompactString(JsonValue.object(members)));
    }

    @Test
    void numbersAndSpecialFloats() {
        assertEquals("[0,18446744073709551615,-9223372036854775808,1.0,-0.0,1e21,1.5e-7,null,null]",
                JsonWriter.toCompactString(JsonValue.array(JsonValue.of(0L), JsonNumber.ofUnsigned(-1L),
                        JsonValue.of(Long.MIN_VALUE), JsonValue.of(1.0), JsonValue.of(-0.0), JsonValue.of(1e21),
                        JsonValue.of(1.5e-7), JsonValue.of(Double.NaN), JsonValue.of(Double.NEGATIVE_INFINITY))));
        assertThrows(IllegalArgumentException.class, () -> JsonNumber.ofDouble(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.of("\ud800"));
    }

    @Test
    void prettyMatchesSerdeToStringPretty() {
        JsonValue v = JsonValue.object(Map.of("a", JsonValue.array(JsonValue.of(1L), JsonObject.EMPTY),
                "b", JsonArray.EMPTY, "c", JsonValue.object(Map.of("d", JsonValue.nul()))));
        assertEquals("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": [],\n  \"c\": {\n    \"d\": null\n  }\n}",
                JsonWriter.toPrettyString(v));
        assertEquals("[]", JsonWriter.toPrettyString(JsonArray.EMPTY));
        assertEquals("\"x\"", JsonWriter.toPrettyString(JsonValue.of("x")));
    }

    @Test
    void streamingWriterKeepsFieldOrderInBothLayouts() {
        JsonWriter compact = JsonWriter.compactWriter();
        JsonWriter pretty = JsonWriter.prettyWriter();
        for (JsonWriter w : List.of(compact, pretty)) {
            w.beginObject().name("z").value(JsonValue.of(1L)).name("a").beginArray().value("x")
                    .value(JsonValue.object(Map.of("k", JsonArray.EMPTY))).beginObject().endObject().endArray()
                    .name("m").beginArray().endArray().endObject();
        }
        assertEquals("{\"z\":1,\"a\":[\"x\",{\"k\":[]},{}],\"m\":[]}",
                new String(compact.toByteArray(), StandardCharsets.UTF_8));
        assertEquals("{\n  \"z\": 1,\n  \"a\": [\n    \"x\",\n    {\n      \"k\": []\n    },\n    {}\n  ],\n  \"m\": []\n}",
                new String(pretty.toByteArray(), StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> JsonWriter.compactWriter().beginObject().value("no name"));
        assertThrows(IllegalStateException.class, () -> JsonWriter.compactWriter().beginArray().endObject());
        assertThrows(IllegalStateException.class, () -> JsonWriter.compactWriter().beginArray().toByteArray());
        assertThrows(IllegalStateException.class, () -> JsonWriter.compactWriter().value("a").value("b"));
    }

    @Test
    void accessorsAndEquality() {
        JsonValue v = JsonValue.array(List.of(JsonValue.of("s"), JsonValue.of(true)));
        assertEquals("s", v.asArray().get(0).asString());
        assertEquals(true, v.asArray().get(1).asBoolean());
        assertThrows(IllegalStateException.class, () -> v.asString());
        assertEquals(new JsonFloat(0.0), new JsonFloat(-0.0));
        assertEquals(new JsonFloat(0.0).hashCode(), new JsonFloat(-0.0).hashCode());
        assertEquals(JsonValue.of(5L), JsonNumber.ofUnsigned(5L));
        assertEquals(5L, JsonValue.of(5L).longValue());
    }
}
