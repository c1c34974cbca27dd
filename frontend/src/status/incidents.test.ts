import { describe, expect, it } from "vitest";
import type { IncidentSummary, WatchdogEvent } from "../api/types";
import { setLanguage } from "../i18n/messages";
import eventsIncident from "../test/fixtures/watchdog-events-incident.json";
import eventsPlain from "../test/fixtures/watchdog-events.json";
import list from "../test/fixtures/watchdog-incidents.json";
import { figureRows } from "./figures";
import { incidentOutcome, latestIncidentMark, newestFirst } from "./incidents";

const incidents = list.incidents as IncidentSummary[];

describe("incidents", () => {
  it("puts the newest first whatever order the API sent", () => {
    const ids = (items: IncidentSummary[]) => items.map((item) => item.reason);
    expect(ids(newestFirst([...incidents].reverse()))).toEqual(["exit_code", "signal"]);
    expect(ids(newestFirst(incidents))).toEqual(["exit_code", "signal"]);
  });

  it("marks the newest incident event, null without one", () => {
    expect(latestIncidentMark(eventsPlain.events as WatchdogEvent[])).toBeNull();
    expect(latestIncidentMark(eventsIncident.events as WatchdogEvent[])).toContain("incident");
  });

  it("says how it ended", () => {
    expect(incidentOutcome({ recovered: true, recovery_s: 0.088 })).toBe("Recovered in 0.1 s");
    expect(incidentOutcome({ recovered: true, recovery_s: 125 })).toBe("Recovered in 2 min 5 sec");
    expect(incidentOutcome({ recovered: false, recovery_s: null })).toBe("Not recovered");
    setLanguage("de", "de-DE");
    expect(incidentOutcome({ recovered: true, recovery_s: 1.5 })).toBe(
      "Nach 1,5 s wiederhergestellt",
    );
  });

  it("labels and formats the figures from before, an unknown one by its name", () => {
    expect(
      figureRows({
        memory_available_bytes: 2 * 1024 ** 3,
        cpu_percent: 59,
        latency_p95_ms: 12,
        db_volume: "C:\\",
        wal_bytes: null,
        fan_rpm: 1200,
      }),
    ).toEqual([
      { label: "Available memory", value: "2 GB" },
      { label: "CPU", value: "59%" },
      { label: "Health check (95th percentile)", value: "12 ms" },
      { label: "Database volume", value: "C:\\" },
      { label: "WAL file", value: "–" },
      { label: "fan_rpm", value: "1,200" },
    ]);
  });
});
