/** The fixtures must keep matching docs/API.md, or the component tests test a fiction. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFixtures, type Fixture } from "../../scripts/check-fixtures.mjs";

const root = join(__dirname, "..", "..");
const apiDoc = readFileSync(join(root, "..", "docs", "API.md"), "utf8");
const folder = join(__dirname, "fixtures");

function loadFixtures(): Fixture[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".json"))
    .map((file) => ({
      name: file.replace(/\.json$/, ""),
      data: JSON.parse(readFileSync(join(folder, file), "utf8")) as unknown,
    }));
}

function fixture(name: string): Record<string, unknown> {
  return structuredClone(loadFixtures().find((item) => item.name === name)?.data) as Record<
    string,
    unknown
  >;
}

describe("fixtures against docs/API.md", () => {
  it("all match the documented shapes", () => {
    const fixtures = loadFixtures();
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    expect(checkFixtures(apiDoc, fixtures)).toEqual({ problems: [], extras: [] });
  });

  it("has fixtures of the warnings and incidents", () => {
    const names = loadFixtures().map((item) => item.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "watchdog-warnings",
        "watchdog-incidents",
        "watchdog-incident",
        "watchdog-events-actions",
      ]),
    );
    const warnings = fixture("watchdog-warnings") as { warnings: unknown[] };
    expect(warnings.warnings).toHaveLength(2);
  });

  it("notices a missing or an extra key", () => {
    const data = fixture("watchdog-status-healthy");
    delete data.restart_count;
    data.restarts = 2;
    expect(checkFixtures(apiDoc, [{ name: "watchdog-status-x", data }])).toEqual({
      problems: ["watchdog-status-x.restart_count: missing"],
      extras: ["watchdog-status-x.restarts: not in docs/API.md"],
    });
  });

  it("notices a wrong type deep inside", () => {
    const data = fixture("backend-status") as { system: { memory: { percent: unknown } } };
    data.system.memory.percent = "40";
    expect(checkFixtures(apiDoc, [{ name: "backend-status", data }]).problems).toEqual([
      "backend-status.system.memory.percent: expected number, got string",
    ]);
  });

  it("notices a state, reason or event name the document does not list", () => {
    const snapshot = fixture("watchdog-status-healthy");
    snapshot.state = "crashed";
    const events = fixture("watchdog-events") as { events: Record<string, unknown>[] };
    events.events = events.events.slice(0, 1);
    (events.events[0] as Record<string, unknown>).reason = "bad_luck";
    expect(
      checkFixtures(apiDoc, [
        { name: "watchdog-status-x", data: snapshot },
        { name: "watchdog-events", data: events },
      ]).problems,
    ).toEqual([
      expect.stringContaining('watchdog-status-x.state: "crashed" is not one of stopped'),
      expect.stringContaining('watchdog-events.events[0].reason: "bad_luck" is not one of user'),
    ]);
  });

  it("checks the shape of a port holder from the document's comment", () => {
    const data = fixture("watchdog-status-blocked");
    data.port_holder = { port: 8765, process: "nginx" };
    expect(checkFixtures(apiDoc, [{ name: "watchdog-status-x", data }])).toEqual({
      problems: [
        "watchdog-status-x.port_holder.pid: missing",
        "watchdog-status-x.port_holder.name: missing",
        "watchdog-status-x.port_holder.ours: missing",
      ],
      extras: ["watchdog-status-x.port_holder.process: not in docs/API.md"],
    });
  });

  it("checks a warning's keys from the snapshot's example", () => {
    const data = fixture("watchdog-warnings") as { warnings: Record<string, unknown>[] };
    delete data.warnings[1]?.hint;
    expect(checkFixtures(apiDoc, [{ name: "watchdog-warnings", data }]).problems).toEqual([
      "watchdog-warnings.warnings[1].hint: missing",
    ]);
  });

  it("checks incident summaries against the keys the document lists", () => {
    const data = fixture("watchdog-incidents") as { incidents: Record<string, unknown>[] };
    const [first] = data.incidents;
    if (!first) throw new Error("no incident in the fixture");
    first.recovered = "yes";
    first.reason = "gremlins";
    delete first.detail;
    first.note = "extra";
    expect(checkFixtures(apiDoc, [{ name: "watchdog-incidents", data }])).toEqual({
      problems: [
        "watchdog-incidents.incidents[0].recovered: expected boolean, got string",
        "watchdog-incidents.incidents[0].detail: missing",
        expect.stringContaining('watchdog-incidents.incidents[0].reason: "gremlins" is not one of'),
      ],
      extras: ["watchdog-incidents.incidents[0].note: not in docs/API.md"],
    });
  });

  it("checks a report's timeline as events and lets its figures say more", () => {
    const data = fixture("watchdog-incident") as {
      timeline: Record<string, unknown>[];
      figures_before: Record<string, unknown>;
      backend_output_tail: unknown;
    };
    delete data.timeline[0]?.state;
    data.figures_before.disk_temperature_c = 41;
    data.backend_output_tail = "one string";
    expect(checkFixtures(apiDoc, [{ name: "watchdog-incident", data }])).toEqual({
      problems: [
        "watchdog-incident.timeline[0].state: missing",
        "watchdog-incident.backend_output_tail: expected array, got string",
      ],
      extras: [],
    });
  });
});
