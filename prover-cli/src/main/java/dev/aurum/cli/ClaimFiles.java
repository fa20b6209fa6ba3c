package dev.aurum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aurum.contracts.ClaimPayout;
import dev.aurum.contracts.ClaimSubmission;
import dev.aurum.contracts.PeerIndex;
import dev.aurum.proofs.protocol.ClaimId;
import dev.aurum.proofs.protocol.EvmAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The {@code .claim.json} file {@code aurum submit} writes beside a bundle: the accepted claim's id and the
 * payout the registry committed to, which {@code aurum claim} must present again to finalize.
 */
final class ClaimFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimFiles() {
    }

    static ObjectNode toJson(ClaimSubmission s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("claimId", s.claimId().value().toHexString());
        n.put("ticketHash", s.ticketHash().toHexString());
        n.put("goldenHop", s.goldenHop());
        ClaimPayout p = s.payout();
        n.put("client", p.client().toHex());
        n.put("faceValueWei", p.faceValue().toString());
        n.put("epoch", p.epoch());
        n.put("submitter", p.submitter().toHex());
        n.put("refundWei", p.refund().toString());
        var peers = n.putArray("peers");
        for (PeerIndex i : p.peers()) {
            peers.add(i.value());
        }
        return n;
    }

    static void write(Path file, ClaimSubmission s) throws IOException {
        Files.writeString(file, toJson(s).toPrettyString() + "\n");
    }

    static ClaimSubmission read(Path file) throws IOException {
        JsonNode n = JSON.readTree(file.toFile());
        try {
            List<PeerIndex> peers = new ArrayList<>();
            for (JsonNode p : required(n, "peers")) {
                peers.add(new PeerIndex(p.asLong()));
            }
            ClaimPayout payout = new ClaimPayout(EvmAddress.fromHex(required(n, "client").asText()),
                    new BigInteger(required(n, "faceValueWei").asText()), required(n, "epoch").asLong(),
                    EvmAddress.fromHex(required(n, "submitter").asText()), new BigInteger(required(n, "refundWei").asText()),
                    peers);
            return new ClaimSubmission(new ClaimId(Bytes32.fromHexString(required(n, "claimId").asText())),
                    Bytes32.fromHexString(required(n, "ticketHash").asText()), required(n, "goldenHop").asInt(), payout);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IOException("claim file lacks \"" + field + "\"");
        }
        return v;
    }
}
