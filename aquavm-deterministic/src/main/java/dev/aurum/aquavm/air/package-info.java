/**
 * The AIR language of AquaVM 0.62: {@link dev.aurum.aquavm.air.AirParser} (lexer, recursive-descent parser
 * and validator with AquaVM's exact accept/reject behaviour), the immutable AST
 * ({@link dev.aurum.aquavm.air.Instruction}, {@link dev.aurum.aquavm.air.AirValue},
 * {@link dev.aurum.aquavm.air.Lens}) and {@link dev.aurum.aquavm.air.AirPrinter}, which reproduces AquaVM's
 * {@code Display} texts. See the module README for limits and deliberate divergences.
 */
package dev.aurum.aquavm.air;
