// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Ed25519} from "../../main/solidity/Ed25519.sol";
import {Sha512} from "../../main/solidity/Sha512.sol";
import {GoldenHashing} from "../../main/solidity/GoldenHashing.sol";
import {GoldenRegistry} from "../../main/solidity/GoldenRegistry.sol";

/// @notice Test-only: exposes the protocol hashing with explicit chain ids and contracts, SHA-512 and
/// Ed25519, so shared vectors and RFC 8032 can be checked on-chain; and GoldenRegistry's claim, attest and
/// finalize entry points under their exact selectors, returning what the registry derives from the decoded
/// calldata, so the shared calldata vectors can be sent here byte for byte.
contract ProtocolHarness {
    error BrokenReceiptChain(uint256 hop);

    /// EIP-712 domain separator the calldata entry points recover signers under (the vectors' domain).
    bytes32 public calldataDomain;

    function setCalldataDomain(bytes32 separator) external {
        calldataDomain = separator;
    }

    function domainSeparator(uint256 chainId, address verifyingContract) external pure returns (bytes32) {
        return GoldenHashing.domainSeparator(chainId, verifyingContract);
    }

    function digest(bytes32 separator, bytes32 structHash) external pure returns (bytes32) {
        return GoldenHashing.digest(separator, structHash);
    }

    function ticketHash(bytes32 particleHash, address client, uint256 faceValue, uint64 epoch, uint256 target, uint64 nonce)
        external
        pure
        returns (bytes32)
    {
        return GoldenHashing.ticketHash(particleHash, client, faceValue, epoch, target, nonce);
    }

    function receiptHash(bytes32 ticket, uint32 hopIndex, uint32 peer, bytes32 prev, bytes32 data, bytes32 cids)
        external
        pure
        returns (bytes32)
    {
        return GoldenHashing.receiptHash(ticket, hopIndex, peer, prev, data, cids);
    }

    function verdictHash(bytes32 claim, bytes32 moduleHash, bool valid) external pure returns (bytes32) {
        return GoldenHashing.verdictHash(claim, moduleHash, valid);
    }

    function bindingHash(bytes32 peerKey, address receiptKey, address payee) external pure returns (bytes32) {
        return GoldenHashing.bindingHash(peerKey, receiptKey, payee);
    }

    function goldenHash(
        uint256 chainId,
        address verifyingContract,
        uint64 epoch,
        bytes32 seed,
        bytes32 ticket,
        bytes32 receiptK,
        bytes32 receiptNext
    ) external pure returns (uint256) {
        return GoldenHashing.goldenHash(chainId, verifyingContract, epoch, seed, ticket, receiptK, receiptNext);
    }

    function claimId(bytes32 ticket, uint32 hop) external pure returns (bytes32) {
        return GoldenHashing.claimId(ticket, hop);
    }

    function recover(bytes32 d, bytes32 r, bytes32 vs) external pure returns (address) {
        return GoldenHashing.recover(d, r, vs);
    }

    function sha512(bytes calldata message) external pure returns (bytes32, bytes32) {
        return Sha512.hash(message);
    }

    function ed25519Verify(bytes32 publicKey, bytes32 r, bytes32 s, bytes calldata message)
        external
        view
        returns (bool valid, uint256 gasUsed)
    {
        uint256 before = gasleft();
        valid = Ed25519.verify(publicKey, r, s, message);
        gasUsed = before - gasleft();
    }

    // ------------------------------------------------------------ GoldenRegistry calldata, decoded

    /// Selector of GoldenRegistry.submitClaim.
    function submitClaim(GoldenRegistry.Claim calldata c)
        external
        view
        returns (
            bytes32 ticket,
            address client,
            bytes32 claim,
            bytes32[] memory receiptHashes,
            address[] memory signers,
            uint32[] memory peers
        )
    {
        return _decodeClaim(c);
    }

    /// Selector of GoldenRegistry.submitClaims.
    function submitClaims(GoldenRegistry.Claim[] calldata batch)
        external
        view
        returns (bytes32[] memory tickets, bytes32[] memory claims)
    {
        tickets = new bytes32[](batch.length);
        claims = new bytes32[](batch.length);
        for (uint256 i = 0; i < batch.length; i++) {
            (tickets[i],, claims[i],,,) = _decodeClaim(batch[i]);
        }
    }

    /// Selector of GoldenRegistry.attest.
    function attest(bytes32 claim, bytes32 verdictModuleHash, bool valid, bytes32 r, bytes32 vs)
        external
        view
        returns (bytes32 verdict, address signer)
    {
        verdict = GoldenHashing.verdictHash(claim, verdictModuleHash, valid);
        signer = GoldenHashing.recover(GoldenHashing.digest(calldataDomain, verdict), r, vs);
    }

    /// Selector of GoldenRegistry.finalize: the claim id and the payout commitment the registry compares.
    function finalize(bytes32 claim, GoldenRegistry.Payout calldata p)
        external
        pure
        returns (bytes32 claimOut, bytes32 commitment)
    {
        claimOut = claim;
        commitment = keccak256(abi.encode(p.client, p.faceValue, p.epoch, p.submitter, p.refund, p.peers));
    }

    /// What GoldenRegistry._submit derives from a claim: ticket hash, client signer, claim id, and per receipt
    /// (hash along the chain from the ticket, signer, peer).
    function _decodeClaim(GoldenRegistry.Claim calldata c)
        private
        view
        returns (
            bytes32 ticket,
            address client,
            bytes32 claim,
            bytes32[] memory receiptHashes,
            address[] memory signers,
            uint32[] memory peers
        )
    {
        GoldenRegistry.Ticket calldata t = c.ticket;
        ticket = GoldenHashing.ticketHash(t.particleHash, t.client, t.faceValue, t.epoch, t.target, t.nonce);
        client = GoldenHashing.recover(GoldenHashing.digest(calldataDomain, ticket), c.clientR, c.clientVs);
        uint256 n = c.receipts.length;
        claim = GoldenHashing.claimId(ticket, n - 1);
        receiptHashes = new bytes32[](n);
        signers = new address[](n);
        peers = new uint32[](n);
        bytes32 prev = ticket;
        for (uint256 i = 0; i < n; i++) {
            GoldenRegistry.Receipt calldata r = c.receipts[i];
            if (r.prevReceiptHash != prev) revert BrokenReceiptChain(i + 1);
            prev = GoldenHashing.receiptHash(ticket, i + 1, r.peer, prev, r.dataCommitment, r.cidsHash);
            receiptHashes[i] = prev;
            signers[i] = GoldenHashing.recover(GoldenHashing.digest(calldataDomain, prev), r.r, r.vs);
            peers[i] = r.peer;
        }
    }
}
