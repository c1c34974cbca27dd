/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The supervisor's web server (default port 8766) answers /api during development.
const SUPERVISOR_URL = "http://127.0.0.1:8766";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/api": { target: SUPERVISOR_URL, changeOrigin: false } },
  },
  build: {
    // The page ships inside the executable: no source maps, one small bundle.
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    // Times in the assertions are written in UTC; the language is chosen by each test.
    env: { TZ: "UTC" },
    restoreMocks: true,
  },
});
