/**
 * The golden-particle protocol's pure, portable hashing (docs/protocol.md): EIP-712 domain and struct hashes of
 * {@link dev.aurum.proofs.protocol.ParticleTicket}, {@link dev.aurum.proofs.protocol.HopReceipt},
 * {@link dev.aurum.proofs.protocol.Verdict} and {@link dev.aurum.proofs.protocol.PeerBinding}; the golden hash
 * ({@link dev.aurum.proofs.protocol.GoldenCondition}); receipt-chain rules; the reward split and retarget
 * arithmetic; typed secp256k1 ({@link dev.aurum.proofs.protocol.ReceiptKey}, deterministic RFC 6979, low-s,
 * recovery id) and Ed25519 identities (the core {@link dev.aurum.aquavm.crypto.KeyPair}, bound by {@link dev.aurum.proofs.protocol.PeerBinding}).
 *
 * <p>Written in the TeaVM-portable subset: BouncyCastle lightweight API only, no JCA, reflection, regex,
 * floats or hash-order iteration. No web3j here; the chain client lives in the {@code contracts} module.
 * The Solidity twin is {@code contracts/src/main/solidity/GoldenHashing.sol}; shared vectors in
 * {@code contracts/src/test/resources/vectors/} prove they agree byte for byte.
 */
package dev.aurum.proofs.protocol;
