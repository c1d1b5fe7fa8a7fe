/** Why a BTYD routine refused its input; stable strings, so callers can branch without parsing messages. */
export type BtydErrorCode =
  | "INVALID_INPUT"
  | "FUTURE_PURCHASE"
  | "INSUFFICIENT_DATA"
  | "NO_REPEAT_CUSTOMERS"
  | "UNDEFINED_EXPECTATION";

/**
 * The one error type thrown by `src/loyalty/btyd`: bad rows, populations too small or degenerate to fit, or a
 * quantity the fitted model leaves undefined. Thrown instead of returning NaN or Infinity.
 *
 * @example
 * try { fitBgNbd([]); } catch (e) { if (e instanceof BtydError) e.code; } //=> "INSUFFICIENT_DATA"
 */
export class BtydError extends Error {
  override readonly name = "BtydError";
  constructor(
    readonly code: BtydErrorCode,
    message: string,
  ) {
    super(message);
  }
}
