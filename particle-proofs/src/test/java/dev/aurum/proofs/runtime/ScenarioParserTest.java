package dev.aurum.proofs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurum.aquavm.codec.DecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    private static final String BASE = "{\"name\": \"t\", \"particle\": {\"id\": \"x\", \"init\": \"a\", \"timestamp\": 5,"
            + " \"ttl\": 100}, \"peers\": {\"a\": {\"s.f\": {\"return\": \"@b\"}}, \"b\": {}}, \"script\": SCRIPT}";

    @Test
    void substitutesPeerNamesInScriptAndServiceValues() throws DecodeException {
        Scenario s = ScenarioParser.parse(BASE.replace("SCRIPT", "[\"(call \\\"@b\\\" (\\\"s\\\" \\\"f\\\") [])\"]"));
        String b = PeerIdentity.forName("b").peerId().toString();
        assertEquals("(call \"" + b + "\" (\"s\" \"f\") [])\n", s.script());
        assertEquals("a", s.initPeer());
        assertEquals(5, s.timestamp());
        assertEquals(Scenario.NetworkSettings.DEFAULT, s.network());
        ServiceResult r = s.peers().get(0).services().get("s.f").get().call(null);
        assertEquals("\"" + b + "\"", r.resultJson());
        assertEquals(s.particle(), s.particle(), "the particle is a pure function of the scenario");
    }

    @Test
    void reportsWhatIsWrongAndWhere() {
        assertProblem(BASE.replace("SCRIPT", "\"(call \\\"@nobody\\\" (\\\"s\\\" \\\"f\\\") [])\""), "script", "@nobody");
        assertProblem(BASE.replace("SCRIPT", "42"), "script", "string");
        assertProblem(BASE.replace("\"init\": \"a\"", "\"init\": \"zed\"").replace("SCRIPT", "\"(null)\""), "particle.init", "zed");
        assertProblem(BASE.replace("{\"return\": \"@b\"}", "{\"dance\": true}").replace("SCRIPT", "\"(null)\""),
                "peers.a.s.f", "behaviour");
        assertProblem(BASE.replace("\"s.f\"", "\"sf\"").replace("SCRIPT", "\"(null)\""), "peers.a.sf", "service_id");
        assertProblem(BASE.replace("\"ttl\": 100", "\"ttl\": 5000000000").replace("SCRIPT", "\"(null)\""),
                "particle.ttl", "out of range");
        assertProblem(BASE.replace("\"name\"", "\"nmae\"").replace("SCRIPT", "\"(null)\""), "nmae", "unknown key");
    }

    @Test
    void sequenceServicesCycleAndFreshInstancesRestart() throws DecodeException {
        Scenario s = ScenarioParser.parse(BASE.replace("{\"return\": \"@b\"}", "{\"sequence\": [1, 2]}")
                .replace("SCRIPT", "\"(null)\""));
        Service first = s.peers().get(0).services().get("s.f").get();
        assertEquals(List.of("1", "2", "1"), List.of(first.call(null).resultJson(), first.call(null).resultJson(),
                first.call(null).resultJson()));
        assertEquals("1", s.peers().get(0).services().get("s.f").get().call(null).resultJson());
    }

    @Test
    void unknownServicesFailLikeNox() {
        ServiceResult r = Services.none().call(new ServiceCall("p", "i", "me", 1, "x", "y", List.of(), List.of()));
        assertEquals(Services.SERVICE_NOT_FOUND, r.retCode());
        assertTrue(r.resultJson().contains("x.y"));
    }

    private static void assertProblem(String json, String field, String words) {
        DecodeException e = assertThrows(DecodeException.class, () -> ScenarioParser.parse(json));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
