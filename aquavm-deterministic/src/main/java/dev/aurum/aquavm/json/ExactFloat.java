package dev.aurum.aquavm.json;

import java.math.BigInteger;

/**
 * Exact conversions between binary64 and decimal, written with {@link BigInteger} so that they give the
 * same bits on the JVM and under TeaVM: {@code Double.parseDouble} is not correctly rounded under TeaVM
 * and {@code Double.toString} is not shortest on JDK 17, so neither may reach output.
 */
final class ExactFloat {

    /** Shortest decimal {@code mantissa * 10^exponent} that reads back as the same double. */
    record Decimal(long mantissa, int exponent) {
    }

    /** More significant digits than this never change a correctly rounded binary64 (767 suffice). */
    static final int MAX_SIGNIFICANT_DIGITS = 800;

    private static final BigInteger[] POW5_CACHE = new BigInteger[400];

    private ExactFloat() {
    }

    static BigInteger pow10(int n) {
        return pow5(n).shiftLeft(n);
    }

    private static BigInteger pow5(int n) {
        if (n < POW5_CACHE.length) {
            BigInteger cached = POW5_CACHE[n];
            if (cached == null) {
                cached = BigInteger.valueOf(5).pow(n);
                POW5_CACHE[n] = cached;
            }
            return cached;
        }
        return BigInteger.valueOf(5).pow(n);
    }

    /**
     * The double nearest to {@code (m + d) * 2^e2} with ties to even, where {@code d} is 0 if
     * {@code sticky} is false and some value in (0, 1) otherwise. When sticky, {@code m} must have at
     * least 55 bits so that the dropped part lies strictly below the rounding position.
     */
    static double roundToDouble(BigInteger m, boolean sticky, int e2) {
        if (m.signum() == 0) {
            return 0.0;
        }
        int bitLength = m.bitLength();
        long topExponent = (long) bitLength - 1 + e2; // value in [2^topExponent, 2^(topExponent+1))
        if (topExponent > 1023) {
            return Double.POSITIVE_INFINITY;
        }
        long ulpExponent = Math.max(topExponent - 52, -1074);
        long shift = ulpExponent - e2;
        long q;
        if (shift <= 0) {
            if (sticky) {
                throw new IllegalArgumentException("sticky rounding needs at least 55 significant bits");
            }
            q = m.shiftLeft((int) -shift).longValueExact();
        } else if (shift > bitLength + 1) {
            return 0.0; // below half of the smallest subnormal
        } else {
            BigInteger kept = m.shiftRight((int) shift);
            q = kept.longValueExact();
            boolean halfBit = m.testBit((int) shift - 1);
            boolean belowHalf = sticky || m.getLowestSetBit() < shift - 1;
            if (halfBit && (belowHalf || (q & 1) == 1)) {
                q++;
            }
        }
        if (q == (1L << 53)) {
            q >>= 1;
            ulpExponent++;
        }
        if (q == 0) {
            return 0.0;
        }
        if (ulpExponent + 52 > 1023) {
            return Double.POSITIVE_INFINITY;
        }
        if (q < (1L << 52)) {
            return Double.longBitsToDouble(q); // subnormal: ulpExponent is -1074
        }
        long biased = ulpExponent + 52 + 1023;
        return Double.longBitsToDouble((biased << 52) | (q & ((1L << 52) - 1)));
    }

    /**
     * The correctly rounded (ties to even) double nearest to {@code digits * 10^exp10}, or infinity.
     * {@code digits} must be non-negative with at most {@link #MAX_SIGNIFICANT_DIGITS} digits (callers
     * fold further digits into a final sticky digit).
     */
    static double decimalToDouble(BigInteger digits, long exp10) {
        if (digits.signum() == 0) {
            return 0.0;
        }
        int digitCount = digits.toString().length();
        long magnitude = digitCount + exp10; // value in [10^(magnitude-1), 10^magnitude)
        if (magnitude > 310) {
            return Double.POSITIVE_INFINITY;
        }
        if (magnitude < -330) {
            return 0.0;
        }
        if (exp10 >= 0) {
            return roundToDouble(digits.multiply(pow10((int) exp10)), false, 0);
        }
        BigInteger denominator = pow10((int) -exp10);
        int scale = Math.max(0, denominator.bitLength() - digits.bitLength() + 56);
        BigInteger[] qr = digits.shiftLeft(scale).divideAndRemainder(denominator);
        return roundToDouble(qr[0], qr[1].signum() != 0, -scale);
    }

    /**
     * The shortest decimal in the rounding interval of {@code v} (bounds included iff the mantissa is
     * even), choosing among equally short ones the nearest to {@code v}, ties to an even digit. This is
     * the result Ryu's {@code d2d} computes, derived here by an exact search instead of Ryu's tables.
     */
    static Decimal shortest(double v) {
        long bits = Double.doubleToRawLongBits(v) & Long.MAX_VALUE;
        if (bits == 0 || bits >= 0x7ff0000000000000L) {
            throw new IllegalArgumentException("shortest() needs a finite non-zero value");
        }
        long ieeeMantissa = bits & ((1L << 52) - 1);
        int ieeeExponent = (int) (bits >>> 52);
        long m2;
        int e2;
        if (ieeeExponent == 0) {
            m2 = ieeeMantissa;
            e2 = -1074;
        } else {
            m2 = ieeeMantissa | (1L << 52);
            e2 = ieeeExponent - 1075;
        }
        boolean boundsIncluded = (m2 & 1) == 0;
        // Scale by 4 so that the interval bounds are integers: the lower gap is half as wide just above a
        // power of two (except at the smallest normal exponent).
        long lowerGap = (ieeeMantissa != 0 || ieeeExponent <= 1) ? 2 : 1;
        BigInteger mid = BigInteger.valueOf(4 * m2);
        BigInteger high = BigInteger.valueOf(4 * m2 + 2);
        BigInteger low = BigInteger.valueOf(4 * m2 - lowerGap);
        int scaleExponent = e2 - 2; // each of mid/high/low times 2^scaleExponent
        BigInteger common;
        if (scaleExponent >= 0) {
            mid = mid.shiftLeft(scaleExponent);
            high = high.shiftLeft(scaleExponent);
            low = low.shiftLeft(scaleExponent);
            common = BigInteger.ONE;
        } else {
            common = BigInteger.ONE.shiftLeft(-scaleExponent);
        }
        // 10^j is above v for j >= startJ; floor((e2+bitLength)*log10(2)) + 2 is a safe start.
        int binaryTop = e2 + 64 - Long.numberOfLeadingZeros(m2);
        int startJ = Math.floorDiv(binaryTop * 30103, 100000) + 2;
        for (int j = startJ; j >= startJ - 40; j--) {
            BigInteger scaledLow;
            BigInteger scaledHigh;
            BigInteger scaledMid;
            BigInteger denominator;
            if (j >= 0) {
                denominator = common.multiply(pow10(j));
                scaledLow = low;
                scaledHigh = high;
                scaledMid = mid;
            } else {
                BigInteger p = pow10(-j);
                denominator = common;
                scaledLow = low.multiply(p);
                scaledHigh = high.multiply(p);
                scaledMid = mid.multiply(p);
            }
            // In units of 10^j: is some integer t in [low, high] (or the open interval)?
            BigInteger[] lowQr = scaledLow.divideAndRemainder(denominator);
            BigInteger firstCandidate = lowQr[0];
            if (lowQr[1].signum() != 0 || !boundsIncluded) {
                firstCandidate = firstCandidate.add(BigInteger.ONE);
            }
            if (!inInterval(firstCandidate, scaledLow, scaledHigh, denominator, boundsIncluded)) {
                continue;
            }
            BigInteger[] midQr = scaledMid.divideAndRemainder(denominator);
            BigInteger below = midQr[0];
            BigInteger above = below.add(BigInteger.ONE);
            boolean belowOk = inInterval(below, scaledLow, scaledHigh, denominator, boundsIncluded);
            boolean aboveOk = inInterval(above, scaledLow, scaledHigh, denominator, boundsIncluded);
            BigInteger chosen;
            if (midQr[1].signum() == 0 && belowOk) {
                chosen = below;
            } else if (belowOk && aboveOk) {
                int cmp = midQr[1].shiftLeft(1).compareTo(denominator);
                if (cmp < 0) {
                    chosen = below;
                } else if (cmp > 0) {
                    chosen = above;
                } else {
                    chosen = below.testBit(0) ? above : below;
                }
            } else {
                chosen = belowOk ? below : above;
            }
            return new Decimal(chosen.longValueExact(), j);
        }
        throw new IllegalStateException("no shortest decimal found for " + bits);
    }

    private static boolean inInterval(BigInteger t, BigInteger low, BigInteger high, BigInteger denominator,
            boolean boundsIncluded) {
        if (t.signum() <= 0) {
            return false;
        }
        BigInteger scaled = t.multiply(denominator);
        int cl = scaled.compareTo(low);
        int ch = scaled.compareTo(high);
        return boundsIncluded ? (cl >= 0 && ch <= 0) : (cl > 0 && ch < 0);
    }
}
