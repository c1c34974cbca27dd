import { describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/messages";
import {
  formatBytes,
  formatDateTime,
  formatDuration,
  formatMs,
  formatNumber,
  formatPercent,
  formatSeconds,
  formatShortTime,
  secondsUntil,
} from "./format";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1,023 B"],
    [40960, "40 KB"],
    [52428800, "50 MB"],
    [1536 * 1024, "1.5 MB"],
    [8589934592, "8 GB"],
    [3 * 1024 ** 4, "3 TB"],
  ])("%d bytes -> %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("uses the German decimal comma", () => {
    setLanguage("de", "de-DE");
    expect(formatBytes(1536 * 1024)).toBe("1,5 MB");
  });
});

describe("other formats", () => {
  it("formats percentages given as 0 to 100", () => {
    expect(formatPercent(12.5)).toBe("12.5%");
    setLanguage("de", "de-DE");
    expect(formatPercent(12.5)).toBe("12,5\u00a0%");
  });

  it("formats durations in their two largest units", () => {
    expect(formatDuration(0)).toBe("0 sec");
    expect(formatDuration(3750)).toBe("1 hr 2 min");
    expect(formatDuration(2 * 86400 + 7200 + 5)).toBe("2 days 2 hr");
    expect(formatDuration(3605)).toBe("1 hr");
  });

  it("formats milliseconds with decimals only when small", () => {
    expect(formatMs(0.05)).toBe("0.05 ms");
    expect(formatMs(5003.4)).toBe("5,003 ms");
  });

  it("formats times in the page's locale (UTC in tests)", () => {
    expect(formatShortTime("2026-11-28T14:02:11+00:00")).toBe("2:02 PM");
    setLanguage("de", "de-DE");
    expect(formatShortTime("2026-11-28T14:02:11+00:00")).toBe("14:02");
  });

  it("counts down whole seconds, never below zero", () => {
    expect(secondsUntil("2026-11-28T14:02:34+00:00", "2026-11-28T14:02:30+00:00")).toBe(4);
    expect(secondsUntil("2026-11-28T14:02:30.2+00:00", "2026-11-28T14:02:30+00:00")).toBe(1);
    expect(secondsUntil("2026-11-28T14:02:00+00:00", "2026-11-28T14:02:30+00:00")).toBe(0);
    expect(secondsUntil("not a time", "2026-11-28T14:02:30+00:00")).toBe(0);
  });
});

describe("local formats of issue 13", () => {
  it("writes date and time with the year in full, as each language does", () => {
    const moment = new Date(2026, 10, 29, 21, 38);
    setLanguage("de", "de-DE");
    expect(formatDateTime(moment)).toBe("29.11.2026 21:38");
    expect(formatNumber(1234)).toBe("1.234");
    expect(formatSeconds(1.5)).toBe("1,5 s");
    setLanguage("en", "en-US");
    expect(formatDateTime(moment)).toMatch(/^11\/29\/2026 9:38\sPM$/);
    expect(formatNumber(1234)).toBe("1,234");
  });
});
