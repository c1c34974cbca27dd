import { ThemeProvider } from "@mui/material/styles";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/messages";
import eventsActions from "../test/fixtures/watchdog-events-actions.json";
import eventsIncident from "../test/fixtures/watchdog-events-incident.json";
import watchdogEvents from "../test/fixtures/watchdog-events.json";
import incidentReport from "../test/fixtures/watchdog-incident.json";
import incidentList from "../test/fixtures/watchdog-incidents.json";
import watchdogWarnings from "../test/fixtures/watchdog-warnings.json";
import { installMockApi, ok } from "../test/mockApi";
import { theme } from "../theme";
import { SystemStatus } from "./SystemStatus";

const REPORT_PATH = `/api/watchdog/incidents/${incidentReport.id}`;

function renderPage(intervalS = 60) {
  return render(
    <ThemeProvider theme={theme}>
      <SystemStatus token={null} intervalS={intervalS} />
    </ThemeProvider>,
  );
}

async function clickRefresh() {
  await userEvent.click(screen.getByRole("button", { name: "Refresh" }));
}

describe("active warnings", () => {
  it("shows each warning's title, hint, value against threshold and since when", async () => {
    installMockApi({ "/api/watchdog/status": ok(watchdogWarnings) });
    renderPage();
    const panel = await screen.findByRole("region", { name: "Active warnings" });
    const alerts = within(panel).getAllByRole("alert");
    expect(alerts).toHaveLength(2);
    const errors = alerts[1];
    expect(errors).toHaveTextContent("Backend reports errors");
    expect(errors).toHaveTextContent(
      "the backend wrote 11 error lines in the last minute (more than 10): see backend.log",
    );
    expect(errors).toHaveTextContent("11/min, threshold 10/min · since 11/28/2026 12:06 PM");
    expect(alerts[0]).toHaveTextContent("6.8 MB, threshold 5 MB");
  });

  it("marks the state chip with the count and leaves the chip its colour", async () => {
    installMockApi({ "/api/watchdog/status": ok(watchdogWarnings) });
    renderPage();
    const watchdog = await screen.findByRole("region", { name: "Watchdog" });
    const mark = within(watchdog).getByRole("link", { name: "2 active warnings" });
    expect(mark).toHaveTextContent("2");
    expect(mark).toHaveAttribute("href", "#active-warnings");
    const chip = within(watchdog).getByText("Healthy").closest("[data-health]");
    expect(chip).toHaveAttribute("data-health", "ok");
    expect(chip).toHaveClass("MuiChip-colorSuccess");
    expect(chip?.contains(mark)).toBe(false);
  });

  it("shows neither panel nor mark without warnings", async () => {
    installMockApi();
    renderPage();
    await screen.findByRole("region", { name: "Watchdog" });
    expect(screen.queryByRole("region", { name: "Active warnings" })).not.toBeInTheDocument();
    expect(screen.queryByTestId("warning-mark")).not.toBeInTheDocument();
  });

  it("announces warnings that appear while the page is open, not those it found", async () => {
    const api = installMockApi();
    renderPage();
    await screen.findByRole("region", { name: "Watchdog" });
    api.setRoute("/api/watchdog/status", ok(watchdogWarnings));
    await clickRefresh();
    expect(await screen.findByTestId("warning-snackbar")).toHaveTextContent(
      "New warnings: Backend uses much memory, Backend reports errors",
    );
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByTestId("warning-snackbar")).not.toBeInTheDocument());
    await clickRefresh(); // the same warnings again: nothing new to announce
    await screen.findByRole("region", { name: "Active warnings" });
    expect(screen.queryByTestId("warning-snackbar")).not.toBeInTheDocument();
  });

  it("does not announce the warnings of the first answer", async () => {
    installMockApi({ "/api/watchdog/status": ok(watchdogWarnings) });
    renderPage();
    await screen.findByRole("region", { name: "Active warnings" });
    expect(screen.queryByTestId("warning-snackbar")).not.toBeInTheDocument();
  });

  it("names the rules in German", async () => {
    setLanguage("de", "de-DE");
    installMockApi({ "/api/watchdog/status": ok(watchdogWarnings) });
    renderPage();
    const panel = await screen.findByRole("region", { name: "Aktive Warnungen" });
    expect(panel).toHaveTextContent("Backend meldet Fehler");
    expect(panel).toHaveTextContent("11/min, Schwelle 10/min · seit 28.11.2026 12:06");
    expect(screen.getByRole("link", { name: "2 aktive Warnungen" })).toBeInTheDocument();
  });
});

describe("recent incidents", () => {
  it("lists them newest first with reason, outcome and detail", async () => {
    const api = installMockApi({ "/api/watchdog/incidents": ok(incidentList) });
    renderPage();
    const list = await screen.findByRole("list", { name: "Recent incidents" });
    const items = within(list).getAllByRole("button");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("11/28/2026 12:06 PM · exit code");
    expect(items[0]).toHaveTextContent("Not recovered");
    expect(items[0]).toHaveTextContent("backend ended: exit code 4");
    expect(items[1]).toHaveTextContent("signal");
    expect(items[1]).toHaveTextContent("Recovered in 0.1 s");
    expect(items[1]).toHaveTextContent("killed by SIGKILL");
    expect(api.callsTo("/api/watchdog/incidents")[0]?.path).toBe(
      "/api/watchdog/incidents?limit=10",
    );
  });

  it("says so when there are none", async () => {
    installMockApi();
    renderPage();
    const card = await screen.findByRole("region", { name: "Recent incidents" });
    expect(card).toHaveTextContent("No incidents recorded.");
  });

  it("opens a report with its timeline, figures and the backend's last output", async () => {
    const api = installMockApi({
      "/api/watchdog/incidents": ok(incidentList),
      [REPORT_PATH]: ok(incidentReport),
    });
    renderPage();
    const list = await screen.findByRole("list", { name: "Recent incidents" });
    await userEvent.click(within(list).getByRole("button", { name: /signal/ }));
    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByText("Incident of 11/28/2026 12:06 PM")).toBeInTheDocument();
    const timeline = within(dialog).getByRole("region", { name: "Timeline" });
    expect(within(timeline).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      expect.stringContaining("Exited"),
      expect.stringContaining("Started"),
      expect.stringContaining("Recovered"),
    ]);
    const figures = within(dialog).getByRole("region", { name: "Figures just before" });
    expect(figures).toHaveTextContent("Available memory22.6 GB");
    expect(figures).toHaveTextContent("Error lines per minute11/min");
    expect(figures).toHaveTextContent("Database file–");
    const output = within(dialog).getByTestId("incident-output");
    expect(output.tagName).toBe("PRE");
    expect(output).toHaveTextContent("listening on");
    expect(output.textContent?.split("\n")).toHaveLength(12);
    expect(within(dialog).getByText("Last output of the backend (12 lines)")).toBeInTheDocument();
    expect(api.callsTo(REPORT_PATH)).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("says why a report could not be opened", async () => {
    installMockApi({
      "/api/watchdog/incidents": ok(incidentList),
      [REPORT_PATH]: { status: 404, body: { detail: `no incident ${incidentReport.id}` } },
    });
    renderPage();
    const list = await screen.findByRole("list", { name: "Recent incidents" });
    await userEvent.click(within(list).getByRole("button", { name: /signal/ }));
    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      `The report could not be loaded: no incident ${incidentReport.id}`,
    );
  });

  it("fetches the list on the first and every 5th poll, and at once after an incident", async () => {
    const api = installMockApi();
    const statusCalls = () => api.callsTo("/api/watchdog/status").length;
    // Poll 7 is the first to see the `incident` event (the events request follows the status one).
    api.setRoute("/api/watchdog/events", () =>
      ok(statusCalls() >= 7 ? eventsIncident : watchdogEvents),
    );
    renderPage(0.01);
    await waitFor(() => expect(statusCalls()).toBeGreaterThanOrEqual(11), { timeout: 5000 });
    // The poll each incidents request belongs to: the status requests made before it.
    const polls: number[] = [];
    let poll = 0;
    for (const call of api.calls) {
      if (call.path === "/api/watchdog/status") poll += 1;
      if (call.path.startsWith("/api/watchdog/incidents")) polls.push(poll);
    }
    expect(polls.filter((n) => n <= 10)).toEqual([1, 5, 7, 10]);
  });
});

describe("recent restarts", () => {
  it("includes the restarts by the memory limit and the daily schedule, with their reasons", async () => {
    installMockApi({ "/api/watchdog/events": ok(eventsActions) });
    renderPage();
    const list = await screen.findByRole("list", { name: "Recent restarts" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Restart: restarting the backend: it uses 80 MB");
    expect(items[0]).toHaveTextContent("memory limit");
    expect(items[1]).toHaveTextContent("Restart: daily restart at 03:30, as configured");
    expect(items[1]).toHaveTextContent("daily restart");
  });

  it("leaves out a stop the user asked for", async () => {
    const userStop = {
      ...eventsActions.events[2],
      reason: "user",
      detail: "stopping the backend (user action)",
    };
    installMockApi({ "/api/watchdog/events": ok({ events: [userStop] }) });
    renderPage();
    const card = await screen.findByRole("region", { name: "Watchdog" });
    expect(card).toHaveTextContent("No restarts recorded.");
  });
});
