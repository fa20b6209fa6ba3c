// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {Sha512} from "./Sha512.sol";

/// @notice RFC 8032 Ed25519 signature verification (cofactorless: encode([S]B - [k]A) == R).
/// Written for one-off use at peer registration; about 0.3-0.5M gas for a 32-byte message.
/// Field arithmetic mod p = 2^255 - 19 uses mulmod/addmod; inversions and square roots use the
/// modexp precompile (0x05). Points use extended twisted Edwards coordinates (a = -1).
library Ed25519 {
    uint256 internal constant P = 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed;
    uint256 internal constant L = 0x1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed;
    uint256 private constant D = 0x52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3;
    uint256 private constant D2 = 0x2406d9dc56dffce7198e80f2eef3d13000e0149a8283b156ebd69b9426b2f159;
    uint256 private constant SQRT_M1 = 0x2b8324804fc1df0b2b4d00993dfbd7a72f431806ad2fe478c4ee1b274a0ea0b0;
    uint256 private constant BX = 0x216936d3cd6e53fec0a4e231fdd6dc5c692cc7609525a7b2c9562d608f25d51a;
    uint256 private constant BY = 0x6666666666666666666666666666666666666666666666666666666666666658;
    uint256 private constant BT = 0x67875f0fd78b766566ea4e8e64abe37d20f09f80775152f56dde8ab3a5b7dda3;
    uint256 private constant TWO_256_MOD_L = 0xffffffffffffffffffffffffffffffec6ef5bf4737dcf70d6ec31748d98951d;
    uint256 private constant P_MINUS_5_DIV_8 = 0x0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd;
    uint256 private constant Y_MASK = (1 << 255) - 1;

    /// @param publicKey the 32-byte encoded key A; r, s the signature halves; message the signed bytes.
    function verify(bytes32 publicKey, bytes32 r, bytes32 s, bytes memory message) internal view returns (bool) {
        uint256 sScalar = _reverse(uint256(s));
        if (sScalar >= L) {
            return false; // RFC 8032 5.1.7: reject non-canonical S
        }
        (bool ok, uint256 ax, uint256 ay) = _decompress(_reverse(uint256(publicKey)));
        if (!ok) {
            return false;
        }
        uint256 k = _challenge(r, publicKey, message);
        // -A = (-x, y)
        uint256[12] memory table = _table(ax == 0 ? 0 : P - ax, ay);
        (uint256 x, uint256 y, uint256 z) = _doubleScalarMul(sScalar, k, table);
        return bytes32(_reverse(_encode(x, y, z))) == r;
    }

    /// k = SHA-512(R || A || M) as a little-endian integer, mod L.
    function _challenge(bytes32 r, bytes32 publicKey, bytes memory message) private pure returns (uint256) {
        (bytes32 h0, bytes32 h1) = Sha512.hash(abi.encodePacked(r, publicKey, message));
        return addmod(mulmod(_reverse(uint256(h1)), TWO_256_MOD_L, L), _reverse(uint256(h0)) % L, L);
    }

    /// Canonical encoding (as an integer): affine y with the parity of x in bit 255.
    function _encode(uint256 x, uint256 y, uint256 z) private view returns (uint256) {
        uint256 zInv = _expmod(z, P - 2);
        x = mulmod(x, zInv, P);
        y = mulmod(y, zInv, P);
        return y | ((x & 1) << 255);
    }

    /// Affine extended points B, -A and B + (-A), each as (x, y, 1, t) with z omitted: x, y, t.
    function _table(uint256 nax, uint256 ay) private view returns (uint256[12] memory table) {
        table[0] = BX;
        table[1] = BY;
        table[2] = BT;
        table[3] = nax;
        table[4] = ay;
        table[5] = mulmod(nax, ay, P);
        (uint256 x, uint256 y, uint256 z,) = _addAffine(BX, BY, 1, BT, nax, ay, table[5]);
        uint256 zInv = _expmod(z, P - 2);
        table[6] = mulmod(x, zInv, P);
        table[7] = mulmod(y, zInv, P);
        table[8] = mulmod(table[6], table[7], P);
    }

    /// Shamir's trick: [a]B + [b](-A), scalars below 2^253.
    function _doubleScalarMul(uint256 a, uint256 b, uint256[12] memory table)
        private
        pure
        returns (uint256 x, uint256 y, uint256 z)
    {
        uint256 t;
        (x, y, z, t) = (0, 1, 1, 0);
        for (uint256 i = 253; i > 0;) {
            unchecked {
                --i;
            }
            (x, y, z, t) = _double(x, y, z);
            uint256 sel = ((a >> i) & 1) | (((b >> i) & 1) << 1);
            if (sel != 0) {
                uint256 base = (sel - 1) * 3;
                (x, y, z, t) = _addAffine(x, y, z, t, table[base], table[base + 1], table[base + 2]);
            }
        }
    }

    /// dbl-2008-hwcd with a = -1; the input's t is not needed.
    function _double(uint256 x1, uint256 y1, uint256 z1)
        private
        pure
        returns (uint256 x3, uint256 y3, uint256 z3, uint256 t3)
    {
        uint256 a = mulmod(x1, x1, P);
        uint256 b = mulmod(y1, y1, P);
        uint256 c = mulmod(2, mulmod(z1, z1, P), P);
        uint256 s = addmod(x1, y1, P);
        uint256 e = addmod(mulmod(s, s, P), P - addmod(a, b, P), P);
        uint256 g = addmod(P - a, b, P); // D + B with D = -A
        uint256 f = addmod(g, P - c, P);
        uint256 h = addmod(P - a, P - b, P); // D - B
        x3 = mulmod(e, f, P);
        y3 = mulmod(g, h, P);
        t3 = mulmod(e, h, P);
        z3 = mulmod(f, g, P);
    }

    /// add-2008-hwcd-3 (a = -1, k = 2d) with the second point affine (z2 = 1).
    function _addAffine(uint256 x1, uint256 y1, uint256 z1, uint256 t1, uint256 x2, uint256 y2, uint256 t2)
        private
        pure
        returns (uint256 x3, uint256 y3, uint256 z3, uint256 t3)
    {
        uint256 a = mulmod(addmod(y1, P - x1, P), addmod(y2, P - x2, P), P);
        uint256 b = mulmod(addmod(y1, x1, P), addmod(y2, x2, P), P);
        uint256 c = mulmod(mulmod(t1, D2, P), t2, P);
        uint256 d = addmod(z1, z1, P);
        uint256 e = addmod(b, P - a, P);
        uint256 f = addmod(d, P - c, P);
        uint256 g = addmod(d, c, P);
        uint256 h = addmod(b, a, P);
        x3 = mulmod(e, f, P);
        y3 = mulmod(g, h, P);
        t3 = mulmod(e, h, P);
        z3 = mulmod(f, g, P);
    }

    /// RFC 8032 5.1.3 point decoding; fails on y >= p, non-residues and the (x = 0, sign = 1) encoding.
    function _decompress(uint256 encoded) private view returns (bool ok, uint256 x, uint256 y) {
        y = encoded & Y_MASK;
        uint256 sign = encoded >> 255;
        if (y >= P) {
            return (false, 0, 0);
        }
        uint256 yy = mulmod(y, y, P);
        uint256 u = addmod(yy, P - 1, P);
        uint256 v = addmod(mulmod(D, yy, P), 1, P);
        uint256 v3 = mulmod(mulmod(v, v, P), v, P);
        uint256 v7 = mulmod(mulmod(v3, v3, P), v, P);
        x = mulmod(mulmod(u, v3, P), _expmod(mulmod(u, v7, P), P_MINUS_5_DIV_8), P);
        uint256 vxx = mulmod(v, mulmod(x, x, P), P);
        if (vxx != u) {
            if (vxx != (u == 0 ? 0 : P - u)) {
                return (false, 0, 0);
            }
            x = mulmod(x, SQRT_M1, P);
        }
        if (x == 0 && sign == 1) {
            return (false, 0, 0);
        }
        if ((x & 1) != sign) {
            x = P - x;
        }
        ok = true;
    }

    function _expmod(uint256 base, uint256 exponent) private view returns (uint256 result) {
        assembly {
            let ptr := mload(0x40)
            mstore(ptr, 32)
            mstore(add(ptr, 32), 32)
            mstore(add(ptr, 64), 32)
            mstore(add(ptr, 96), base)
            mstore(add(ptr, 128), exponent)
            mstore(add(ptr, 160), 0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed)
            if iszero(staticcall(gas(), 0x05, ptr, 192, ptr, 32)) { revert(0, 0) }
            result := mload(ptr)
        }
    }

    /// Byte order reversal: Ed25519 encodes integers little-endian.
    function _reverse(uint256 v) private pure returns (uint256) {
        unchecked {
            v = ((v & 0xff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00) >> 8)
                | ((v & 0x00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff) << 8);
            v = ((v & 0xffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000) >> 16)
                | ((v & 0x0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff0000ffff) << 16);
            v = ((v & 0xffffffff00000000ffffffff00000000ffffffff00000000ffffffff00000000) >> 32)
                | ((v & 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff) << 32);
            v = ((v & 0xffffffffffffffff0000000000000000ffffffffffffffff0000000000000000) >> 64)
                | ((v & 0x0000000000000000ffffffffffffffff0000000000000000ffffffffffffffff) << 64);
            return (v >> 128) | (v << 128);
        }
    }
}
