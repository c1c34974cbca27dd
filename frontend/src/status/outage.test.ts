import { describe, expect, it } from "vitest";
import type { WatchdogEvent, WatchdogSnapshot } from "../api/types";
import backoff from "../test/fixtures/watchdog-status-backoff.json";
import blocked from "../test/fixtures/watchdog-status-blocked.json";
import gaveUp from "../test/fixtures/watchdog-status-gave-up.json";
import healthy from "../test/fixtures/watchdog-status-healthy.json";
import stopped from "../test/fixtures/watchdog-status-stopped.json";
import { describeOutage } from "./outage";

const snap = (base: object, changes: Partial<WatchdogSnapshot> = {}) =>
  ({ ...base, ...changes }) as WatchdogSnapshot;

describe("describeOutage", () => {
  it("counts down a backoff with the server's clock", () => {
    expect(describeOutage(snap(backoff), []).headline).toBe(
      "Waiting 4 s before the next start (attempt 2 of 5)",
    );
    expect(describeOutage(snap(backoff, { attempt: 0 }), []).headline).toBe(
      "Waiting 4 s before the next start",
    );
  });

  it("takes the time it gave up from the newest gave_up event", () => {
    const event = { event: "gave_up", time: "2026-11-28T09:15:00+00:00" } as WatchdogEvent;
    const { headline, details } = describeOutage(snap(gaveUp), [event]);
    expect(headline).toBe("Gave up at 9:15 AM: open the logs");
    expect(details).toContain("Next automatic try at 2:12 PM.");
  });

  it("falls back to the last failure for the time it gave up", () => {
    expect(describeOutage(snap(gaveUp), []).headline).toBe("Gave up at 2:02 PM: open the logs");
  });

  it("names the port holder, ours or another program's", () => {
    expect(describeOutage(snap(blocked), []).headline).toBe("Port 8765 is used by nginx (PID 99)");
    const ours = { port: 8765, pid: 42, name: "python", ours: true };
    expect(describeOutage(snap(blocked, { port_holder: ours }), []).headline).toBe(
      "Port 8765 is held by a backend left from an earlier run (PID 42)",
    );
    const unknown = { port: 8765, pid: null, name: null, ours: false };
    expect(describeOutage(snap(blocked, { port_holder: unknown }), []).headline).toBe(
      "Port 8765 is used by another program",
    );
  });

  it("counts failed checks of an unhealthy backend", () => {
    const unhealthy = snap(healthy, { state: "unhealthy", consecutive_failures: 2 });
    expect(describeOutage(unhealthy, []).headline).toBe(
      "The backend does not answer: 2 of 3 checks failed",
    );
  });

  it("does not blame an old failure for a stop the user asked for", () => {
    const { headline, details } = describeOutage(snap(stopped), []);
    expect(headline).toBe("The backend is stopped");
    expect(details).toEqual([]);
  });
});
