import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./vitest.setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    // A fixed zone and language so date and number tests mean the same on every machine.
    env: { TZ: "UTC", LANG: "en_US.UTF-8" },
    pool: "threads",
    // Room for the 5 s waits of vitest.setup.ts on a loaded CI machine.
    testTimeout: 15_000,
  },
});
