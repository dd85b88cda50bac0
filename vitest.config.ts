import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Simulations are CPU-bound on 2 cores: run test files one after another, not in parallel.
    fileParallelism: false,
  },
});
