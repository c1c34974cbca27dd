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

/** Early warnings, added to the snapshot after docs/API.md was written. */
const UNDOCUMENTED_SNAPSHOT_KEY = "warnings";
const UNDOCUMENTED_EXTRA = `watchdog-status-x.${UNDOCUMENTED_SNAPSHOT_KEY}: not in docs/API.md`;

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
    const { problems, extras } = checkFixtures(apiDoc, fixtures);
    expect(problems).toEqual([]);
    // The real snapshot (tray_app/watchdog/model.py, checked by tests/contract against a live
    // supervisor) has a key that docs/API.md does not show yet.
    const added = new Set(extras.map((line) => line.replace(/^[\w-]+\./, "").split(":")[0]));
    expect([...added]).toEqual([UNDOCUMENTED_SNAPSHOT_KEY]);
  });

  it("notices a missing or an extra key", () => {
    const data = fixture("watchdog-status-healthy");
    delete data.restart_count;
    data.restarts = 2;
    expect(checkFixtures(apiDoc, [{ name: "watchdog-status-x", data }])).toEqual({
      problems: ["watchdog-status-x.restart_count: missing"],
      extras: [UNDOCUMENTED_EXTRA, "watchdog-status-x.restarts: not in docs/API.md"],
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
      extras: ["watchdog-status-x.port_holder.process: not in docs/API.md", UNDOCUMENTED_EXTRA],
    });
  });
});
