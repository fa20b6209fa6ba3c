// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

interface IGoldenWithdraw {
    function withdrawRewards(uint32 peer) external;
    function acceptPayee(uint32 peer) external;
}

/// @notice Test-only attacker: as a peer's payee it re-enters withdrawRewards from its receive hook.
contract ReentrantPayee {
    IGoldenWithdraw private immutable registry;
    uint32 public peer;
    uint256 public receivedCalls;
    uint256 public received;
    bytes public reentryError;

    constructor(IGoldenWithdraw target) {
        registry = target;
    }

    function accept(uint32 peerIndex) external {
        peer = peerIndex;
        registry.acceptPayee(peerIndex);
    }

    receive() external payable {
        receivedCalls++;
        received += msg.value;
        try registry.withdrawRewards(peer) {}
        catch (bytes memory reason) {
            reentryError = reason;
        }
    }
}
