// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Ed25519} from "../../main/solidity/Ed25519.sol";
import {Sha512} from "../../main/solidity/Sha512.sol";
import {GoldenHashing} from "../../main/solidity/GoldenHashing.sol";

/// @notice Test-only: exposes the protocol hashing with explicit chain ids and contracts, SHA-512 and
/// Ed25519, so shared vectors and RFC 8032 can be checked on-chain.
contract ProtocolHarness {
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
}
