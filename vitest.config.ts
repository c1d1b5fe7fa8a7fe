import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // A zone with daylight saving time catches any day arithmetic done in local time.
    env: { TZ: "America/New_York" },
    testTimeout: 60_000,
    globalSetup: ["tests/global-setup.ts"],
  },
});
