package dev.aurum.proofs.protocol;

/** A hop receipt and its receipt-key signature over {@code domain.digest(receipt.hash())}. */
public record SignedReceipt(HopReceipt receipt, EcdsaSignature signature) {
    public SignedReceipt {
        if (receipt == null || signature == null) {
            throw new IllegalArgumentException("receipt and signature are required");
        }
    }

    public static SignedReceipt sign(Eip712Domain domain, HopReceipt receipt, ReceiptKey key) {
        return new SignedReceipt(receipt, key.sign(domain.digest(receipt.hash())));
    }
}
