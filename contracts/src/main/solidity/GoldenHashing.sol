// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice EIP-712 struct hashes and the golden hash of docs/protocol.md, shared by the registry and the
/// test harness. The Java twins live in dev.aurum.proofs.protocol.
library GoldenHashing {
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant NAME_HASH = keccak256("AurumGolden");
    bytes32 internal constant VERSION_HASH = keccak256("1");
    bytes32 internal constant TICKET_TYPEHASH = keccak256(
        "ParticleTicket(bytes32 particleHash,address client,uint256 faceValue,uint64 epoch,uint256 target,uint64 nonce)"
    );
    bytes32 internal constant RECEIPT_TYPEHASH = keccak256(
        "HopReceipt(bytes32 ticketHash,uint32 hopIndex,uint32 peer,bytes32 prevReceiptHash,bytes32 dataCommitment,bytes32 cidsHash)"
    );
    bytes32 internal constant VERDICT_TYPEHASH = keccak256("Verdict(bytes32 claimId,bytes32 moduleHash,bool valid)");
    bytes32 internal constant BINDING_TYPEHASH =
        keccak256("PeerBinding(bytes32 peerKey,address receiptKey,address payee)");
    bytes32 internal constant GOLDEN_TAG = keccak256("AurumGolden/golden/v1");

    function domainSeparator(uint256 chainId, address verifyingContract) internal pure returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, chainId, verifyingContract));
    }

    function digest(bytes32 separator, bytes32 structHash) internal pure returns (bytes32 result) {
        assembly {
            let ptr := mload(0x40)
            mstore(ptr, 0x1901000000000000000000000000000000000000000000000000000000000000)
            mstore(add(ptr, 2), separator)
            mstore(add(ptr, 34), structHash)
            result := keccak256(ptr, 66)
        }
    }

    function ticketHash(
        bytes32 particleHash,
        address client,
        uint256 faceValue,
        uint64 epoch,
        uint256 target,
        uint64 nonce
    ) internal pure returns (bytes32) {
        return keccak256(abi.encode(TICKET_TYPEHASH, particleHash, client, faceValue, epoch, target, nonce));
    }

    /// Hashes in scratch memory above the free pointer without allocating: called once per hop.
    function receiptHash(
        bytes32 ticket,
        uint256 hopIndex,
        uint256 peer,
        bytes32 prevReceiptHash,
        bytes32 dataCommitment,
        bytes32 cidsHash
    ) internal pure returns (bytes32 result) {
        bytes32 typeHash = RECEIPT_TYPEHASH;
        assembly {
            let ptr := mload(0x40)
            mstore(ptr, typeHash)
            mstore(add(ptr, 32), ticket)
            mstore(add(ptr, 64), hopIndex)
            mstore(add(ptr, 96), peer)
            mstore(add(ptr, 128), prevReceiptHash)
            mstore(add(ptr, 160), dataCommitment)
            mstore(add(ptr, 192), cidsHash)
            result := keccak256(ptr, 224)
        }
    }

    function verdictHash(bytes32 claim, bytes32 moduleHash, bool valid) internal pure returns (bytes32) {
        return keccak256(abi.encode(VERDICT_TYPEHASH, claim, moduleHash, valid));
    }

    function bindingHash(bytes32 peerKey, address receiptKey, address payee) internal pure returns (bytes32) {
        return keccak256(abi.encode(BINDING_TYPEHASH, peerKey, receiptKey, payee));
    }

    function goldenHash(
        uint256 chainId,
        address verifyingContract,
        uint64 epoch,
        bytes32 epochSeed,
        bytes32 ticket,
        bytes32 receiptK,
        bytes32 receiptNext
    ) internal pure returns (uint256) {
        return uint256(
            keccak256(abi.encode(GOLDEN_TAG, chainId, verifyingContract, epoch, epochSeed, ticket, receiptK, receiptNext))
        );
    }

    function claimId(bytes32 ticket, uint256 hop) internal pure returns (bytes32) {
        return keccak256(abi.encode(ticket, hop));
    }

    /// ecrecover of an EIP-2098 compact signature; returns address(0) for high-s or unrecoverable input.
    function recover(bytes32 digestValue, bytes32 r, bytes32 vs) internal pure returns (address) {
        uint256 s = uint256(vs) & ((1 << 255) - 1);
        if (s > 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0) {
            return address(0);
        }
        uint8 v = uint8(uint256(vs) >> 255) + 27;
        return ecrecover(digestValue, v, r, bytes32(s));
    }
}
