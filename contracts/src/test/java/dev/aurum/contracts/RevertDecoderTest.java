package dev.aurum.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RevertDecoderTest {
    @Test
    void everyCustomErrorOfTheCompiledAbiHasANamedException() throws Exception {
        JsonNode abi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("solidity/GoldenRegistry.abi")) {
            abi = new ObjectMapper().readTree(in);
        }
        int errors = 0;
        for (JsonNode item : abi) {
            if (item.get("type").asText().equals("error")) {
                StringBuilder sig = new StringBuilder(item.get("name").asText()).append('(');
                for (int i = 0; i < item.get("inputs").size(); i++) {
                    sig.append(i == 0 ? "" : ",").append(item.get("inputs").get(i).get("type").asText());
                }
                String signature = sig.append(')').toString();
                assertTrue(RevertDecoder.knows(signature), "no Java exception for " + signature);
                errors++;
            }
        }
        assertEquals(RevertDecoder.knownSignatures().size() - 2, errors, "Error(string) and Panic are extra");
    }

    @Test
    void decodesSelectorAndArguments() {
        // AlreadyClaimed(bytes32) with claimId 0x11..11
        String data = "0x" + RevertDecoder.selector("AlreadyClaimed(bytes32)") + "11".repeat(32);
        GoldenContractException e = RevertDecoder.decode(data);
        GoldenErrors.AlreadyClaimed claimed = assertInstanceOf(GoldenErrors.AlreadyClaimed.class, e);
        assertArrayEquals(dev.aurum.proofs.protocol.Hex.decode("11".repeat(32)), claimed.claimId());
        assertEquals("AlreadyClaimed", e.errorName());

        String hop = "0x" + RevertDecoder.selector("BrokenReceiptChain(uint256)") + "00".repeat(31) + "03";
        assertEquals(BigInteger.valueOf(3),
                assertInstanceOf(GoldenErrors.BrokenReceiptChain.class, RevertDecoder.decode(hop)).hop());
        assertInstanceOf(GoldenErrors.UnknownRevert.class, RevertDecoder.decode("0x"));
        assertInstanceOf(GoldenErrors.UnknownRevert.class, RevertDecoder.decode("0xdeadbeef"));
    }

    @Test
    void fuzzedRevertDataNeverThrows() {
        SplittableRandom random = new SplittableRandom(7);
        String[] selectors = {RevertDecoder.selector("UnknownPeer(uint256,uint32)"),
                RevertDecoder.selector("Error(string)"), RevertDecoder.selector("ClaimSkipped(uint256,bytes)"), "00000000"};
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder("0x").append(selectors[random.nextInt(selectors.length)]);
            int bytes = random.nextInt(0, 200);
            for (int j = 0; j < bytes; j++) {
                sb.append(String.valueOf(Character.forDigit(random.nextInt(16), 16)))
                        .append(Character.forDigit(random.nextInt(16), 16));
            }
            GoldenContractException e = RevertDecoder.decode(sb.toString());
            assertTrue(e.revertData().startsWith("0x"));
        }
    }
}
