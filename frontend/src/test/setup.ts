import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";
import { setLanguage } from "../i18n/messages";

// Every test starts in English with US formats; times are UTC (vite.config.ts sets TZ).
beforeEach(() => {
  setLanguage("en", "en-US");
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
