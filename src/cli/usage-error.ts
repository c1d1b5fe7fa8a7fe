/** Bad usage or bad input, reported in one message with exit code 2 and never a stack trace. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
