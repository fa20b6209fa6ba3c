package dev.aurum.cli.devnet;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Wei amounts for people: exact decimal ether, trailing zeros removed. */
public final class Eth {
    private Eth() {
    }

    public static String format(BigInteger wei) {
        BigDecimal eth = new BigDecimal(wei).movePointLeft(18).stripTrailingZeros();
        return (eth.signum() == 0 ? "0" : eth.toPlainString()) + " ETH";
    }
}
