package dev.aurum.contracts;

import dev.aurum.proofs.protocol.EvmAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/** anvil's test-only RPC methods (balances, time travel); for local chains, devnets and tests. */
public final class LocalChainControl {
    private final Web3jService service;

    public LocalChainControl(String rpcUrl) {
        this.service = new HttpService(rpcUrl);
    }

    /** {@code anvil_setBalance}: gives an account a native balance. */
    public void setBalance(EvmAddress account, BigInteger wei) {
        call("anvil_setBalance", List.of(account.toHex(), "0x" + wei.toString(16)));
    }

    /** {@code evm_increaseTime} then {@code evm_mine}: moves the chain clock forward. */
    public void advanceTime(long seconds) {
        call("evm_increaseTime", List.of(seconds));
        call("evm_mine", List.of());
    }

    /**
     * {@code anvil_setBlockTimestampInterval}: every later block is {@code seconds} after the one before,
     * whatever the wall clock says, so block hashes (and the registry's epoch seeds) repeat run after run.
     */
    public void setBlockTimestampInterval(long seconds) {
        call("anvil_setBlockTimestampInterval", List.of(seconds));
    }

    /**
     * {@code evm_setNextBlockTimestamp} then {@code evm_mine}: a block at exactly {@code timestamp}. Unlike
     * {@link #advanceTime}, this also works under a block timestamp interval.
     */
    public void mineBlockAt(long timestamp) {
        call("evm_setNextBlockTimestamp", List.of(timestamp));
        call("evm_mine", List.of());
    }

    private void call(String method, List<?> params) {
        try {
            Response<?> response = new Request<>(method, params, service, RawResponse.class).send();
            if (response.hasError()) {
                throw new ChainException(method + " failed: " + response.getError().getMessage());
            }
        } catch (IOException e) {
            throw new ChainException(method + " failed", e);
        }
    }

    /** Any JSON result. */
    public static final class RawResponse extends Response<Object> {}
}
