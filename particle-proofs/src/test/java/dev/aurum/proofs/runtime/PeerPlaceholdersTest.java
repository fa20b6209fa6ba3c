package dev.aurum.proofs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurum.aquavm.codec.DecodeException;
import dev.aurum.aquavm.json.JsonParser;
import dev.aurum.aquavm.json.JsonValue;
import dev.aurum.aquavm.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerPlaceholdersTest {

    private static final PeerPlaceholders.Replacement UPPER = (name, path, offset) -> name.toUpperCase(java.util.Locale.ROOT);

    @Test
    void replacesEveryPlaceholderUpToTheFirstNonNameCharacter() throws DecodeException {
        assertEquals("(call \"BOB-2\" (\"s\" \"f\") [] x) A_1.", PeerPlaceholders.replace(
                "(call \"@bob-2\" (\"s\" \"f\") [] x) @a_1.", UPPER, "script"));
        assertEquals("no placeholders", PeerPlaceholders.replace("no placeholders", UPPER, "script"));
        assertEquals("trailing ", PeerPlaceholders.replace("trailing @", UPPER, "script"));
    }

    @Test
    void aRefusingReplacementNamesThePathAndOffset() {
        PeerPlaceholders.Replacement strict = (name, path, offset) -> {
            throw new DecodeException("scenario", path, offset, "unknown peer \"@" + name + "\"");
        };
        DecodeException e = assertThrows(DecodeException.class,
                () -> PeerPlaceholders.replace("ab @carol", strict, "script"));
        assertEquals("script", e.field());
        assertEquals(3, e.offset());
    }

    @Test
    void replacesStringsInsideTreesButNotKeys() throws DecodeException {
        JsonValue tree = JsonParser.parse("{\"@k\": [\"@a\", 1, {\"x\": \"@b and @a\"}], \"n\": null}"
                .getBytes(StandardCharsets.UTF_8));
        Map<String, String> cast = Map.of("a", "peer-1", "b", "peer-2");
        JsonValue out = PeerPlaceholders.replaceAll(tree, (name, path, offset) -> "@" + cast.getOrDefault(name, name), "");
        assertEquals("{\"@k\":[\"@peer-1\",1,{\"x\":\"@peer-2 and @peer-1\"}],\"n\":null}", JsonWriter.toCompactString(out));
    }
}
