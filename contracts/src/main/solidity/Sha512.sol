// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice SHA-512 (FIPS 180-4) for the Ed25519 verifier. The EVM has no SHA-512 precompile.
library Sha512 {
    /// The 80 round constants, 8 bytes each, big-endian.
    bytes private constant K = hex"428a2f98d728ae227137449123ef65cdb5c0fbcfec4d3b2fe9b5dba58189dbbc3956c25bf348b53859f111f1b605d019923f82a4af194f9bab1c5ed5da6d8118d807aa98a303024212835b0145706fbe243185be4ee4b28c550c7dc3d5ffb4e272be5d74f27b896f80deb1fe3b1696b19bdc06a725c71235c19bf174cf692694e49b69c19ef14ad2efbe4786384f25e30fc19dc68b8cd5b5240ca1cc77ac9c652de92c6f592b02754a7484aa6ea6e4835cb0a9dcbd41fbd476f988da831153b5983e5152ee66dfaba831c66d2db43210b00327c898fb213fbf597fc7beef0ee4c6e00bf33da88fc2d5a79147930aa72506ca6351e003826f142929670a0e6e7027b70a8546d22ffc2e1b21385c26c9264d2c6dfc5ac42aed53380d139d95b3df650a73548baf63de766a0abb3c77b2a881c2c92e47edaee692722c851482353ba2bfe8a14cf10364a81a664bbc423001c24b8b70d0f89791c76c51a30654be30d192e819d6ef5218d69906245565a910f40e35855771202a106aa07032bbd1b819a4c116b8d2d0c81e376c085141ab532748774cdf8eeb9934b0bcb5e19b48a8391c0cb3c5c95a634ed8aa4ae3418acb5b9cca4f7763e373682e6ff3d6b2b8a3748f82ee5defb2fc78a5636f43172f6084c87814a1f0ab728cc702081a6439ec90befffa23631e28a4506cebde82bde9bef9a3f7b2c67915c67178f2e372532bca273eceea26619cd186b8c721c0c207eada7dd6cde0eb1ef57d4f7fee6ed17806f067aa72176fba0a637dc5a2c898a6113f9804bef90dae1b710b35131c471b28db77f523047d8432caab7b40c724933c9ebe0a15c9bebc431d67c49c100d4c4cc5d4becb3e42b6597f299cfc657e2a5fcb6fab3ad6faec6c44198c4a475817";

    uint256 private constant M64 = 0xffffffffffffffff;

    /// @return hi the first 32 bytes of the digest, lo the last 32 bytes.
    function hash(bytes memory message) internal pure returns (bytes32 hi, bytes32 lo) {
        uint256[8] memory h = [
            uint256(0x6a09e667f3bcc908), 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
            0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179
        ];
        bytes memory padded = _pad(message);
        bytes memory k = K;
        uint256[80] memory w;
        for (uint256 offset = 0; offset < padded.length; offset += 128) {
            _compress(h, padded, offset, k, w);
        }
        hi = bytes32(h[0] << 192 | h[1] << 128 | h[2] << 64 | h[3]);
        lo = bytes32(h[4] << 192 | h[5] << 128 | h[6] << 64 | h[7]);
    }

    function _pad(bytes memory message) private pure returns (bytes memory padded) {
        uint256 len = message.length;
        uint256 total = ((len + 17 + 127) / 128) * 128;
        padded = new bytes(total);
        assembly {
            // 128-bit big-endian bit length in the last 16 bytes (written first: the word may overlap the
            // message tail, which the copy below then restores); lengths here are far below 2^64 bytes
            mstore(add(padded, total), mul(len, 8))
            mcopy(add(padded, 32), add(message, 32), len)
            mstore8(add(add(padded, 32), len), 0x80)
        }
    }

    function _compress(uint256[8] memory h, bytes memory data, uint256 offset, bytes memory k, uint256[80] memory w)
        private
        pure
    {
        unchecked {
            for (uint256 i = 0; i < 16; i++) {
                uint256 word;
                assembly {
                    word := shr(192, mload(add(add(add(data, 32), offset), mul(i, 8))))
                }
                w[i] = word;
            }
            for (uint256 i = 16; i < 80; i++) {
                uint256 x = w[i - 15];
                uint256 s0 = _rotr(x, 1) ^ _rotr(x, 8) ^ (x >> 7);
                x = w[i - 2];
                uint256 s1 = _rotr(x, 19) ^ _rotr(x, 61) ^ (x >> 6);
                w[i] = (w[i - 16] + s0 + w[i - 7] + s1) & M64;
            }
            uint256 a = h[0];
            uint256 b = h[1];
            uint256 c = h[2];
            uint256 d = h[3];
            uint256 e = h[4];
            uint256 f = h[5];
            uint256 g = h[6];
            uint256 hh = h[7];
            for (uint256 i = 0; i < 80; i++) {
                uint256 ki;
                assembly {
                    ki := shr(192, mload(add(add(k, 32), mul(i, 8))))
                }
                uint256 t1 = hh + (_rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)) + ((e & f) ^ ((~e) & g)) + ki + w[i];
                uint256 t2 = (_rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
                hh = g;
                g = f;
                f = e;
                e = (d + t1) & M64;
                d = c;
                c = b;
                b = a;
                a = (t1 + t2) & M64;
            }
            h[0] = (h[0] + a) & M64;
            h[1] = (h[1] + b) & M64;
            h[2] = (h[2] + c) & M64;
            h[3] = (h[3] + d) & M64;
            h[4] = (h[4] + e) & M64;
            h[5] = (h[5] + f) & M64;
            h[6] = (h[6] + g) & M64;
            h[7] = (h[7] + hh) & M64;
        }
    }

    function _rotr(uint256 x, uint256 n) private pure returns (uint256) {
        unchecked {
            return ((x >> n) | (x << (64 - n))) & M64;
        }
    }
}
