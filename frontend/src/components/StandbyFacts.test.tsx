import { ThemeProvider } from "@mui/material/styles";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { WatchdogEvent, WatchdogSnapshot } from "../api/types";
import { setLanguage } from "../i18n/messages";
import crashRecovered from "../test/fixtures/watchdog-crash-recovered.json";
import { theme } from "../theme";
import { WatchdogCard } from "./WatchdogCard";

// A real engine's answer after a crash (the fixture carries the standby fields).
const healthy = crashRecovered.status as WatchdogSnapshot;
const SINCE = "2026-11-28T12:50:04+00:00";

/** What the engine sends after a SIGKILL the standby took over (the event, as the API has it). */
const promoted: WatchdogEvent = {
  event: "promoted",
  level: "info",
  state: "starting",
  previous: "backoff",
  reason: "signal",
  detail: "the standby (PID 4321) took over",
  message: {
    en: "the standby (PID 4321) took over",
    de: "Der Ersatzprozess hat übernommen (PID 4321)",
  },
  time: "2026-11-28T13:00:00+00:00",
  pid: 4321,
  attempt: 1,
  outage_s: null,
  latency_ms: null,
  exit_code: null,
  data: {},
};

function renderCard(snapshot: WatchdogSnapshot, events: WatchdogEvent[] = []) {
  return render(
    <ThemeProvider theme={theme}>
      <WatchdogCard snapshot={snapshot} events={events} controls={null} />
    </ThemeProvider>,
  );
}

/** The value shown next to a label of the card's fact list. */
function fact(label: string): string | null {
  return screen.getByText(label, { selector: "dt" }).nextElementSibling?.textContent ?? null;
}

describe("the warm standby in the status view", () => {
  it("shows a ready standby, the promotions and the promotion event (en)", () => {
    renderCard(
      { ...healthy, standby: { state: "ready", pid: 4400, since: SINCE }, promotions: 1 },
      [promoted],
    );
    expect(fact("Standby")).toBe("ready (PID 4400)");
    expect(fact("Standby took over")).toBe("1");
    expect(screen.getByText("Standby took over: the standby (PID 4321) took over")).toBeVisible();
  });

  it("says the same in German, and a warming standby", () => {
    setLanguage("de");
    renderCard(
      { ...healthy, standby: { state: "warming", pid: 4400, since: SINCE }, promotions: 2 },
      [promoted],
    );
    expect(fact("Ersatzprozess")).toBe("wird vorbereitet (PID 4400)");
    expect(fact("Übernahmen durch den Ersatzprozess")).toBe("2");
    expect(
      screen.getByText(
        "Ersatzprozess hat übernommen: Der Ersatzprozess hat übernommen (PID 4321)",
      ),
    ).toBeVisible();
  });

  it("shows none while there is no standby", () => {
    renderCard({ ...healthy, standby: null, promotions: 0 });
    expect(fact("Standby")).toBe("–");
    expect(fact("Standby took over")).toBe("0");
  });
});
