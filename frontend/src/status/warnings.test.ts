import { describe, expect, it } from "vitest";
import type { ActiveWarning } from "../api/types";
import { setLanguage } from "../i18n/messages";
import fixture from "../test/fixtures/watchdog-warnings.json";
import { formatMeasure, newWarnings, warningTitle } from "./warnings";

const [rss, errors] = fixture.warnings as [ActiveWarning, ActiveWarning];

describe("warnings", () => {
  it("formats each of the engine's units", () => {
    expect(formatMeasure(3.14, "GB")).toBe("3.1 GB");
    expect(formatMeasure(4.2, "x")).toBe("4.2×");
    expect(formatMeasure(95, "%")).toBe("95%");
    expect(formatMeasure(6, "restarts")).toBe("6 restarts");
    expect(formatMeasure(120, "MB/h")).toBe("120 MB/h");
    expect(formatMeasure(2, "furlongs")).toBe("2 furlongs");
    setLanguage("de", "de-DE");
    expect(formatMeasure(3.14, "GB")).toBe("3,1 GB");
    expect(formatMeasure(4.2, "x")).toBe("4,2-fach");
  });

  it("takes the title from the catalogue, the engine's for an unknown rule", () => {
    setLanguage("de", "de-DE");
    expect(warningTitle(errors)).toBe("Backend meldet Fehler");
    expect(warningTitle({ ...errors, rule: "fan_speed", title: "Fan too slow" })).toBe(
      "Fan too slow",
    );
  });

  it("finds new warnings, and a rule that fired again", () => {
    expect(newWarnings(null, [rss, errors])).toEqual([]);
    expect(newWarnings([rss], [rss, errors])).toEqual([errors]);
    expect(newWarnings([rss, errors], [errors])).toEqual([]);
    const again = { ...rss, since: "2026-11-28T13:00:00+00:00" };
    expect(newWarnings([rss], [again])).toEqual([again]);
  });
});
