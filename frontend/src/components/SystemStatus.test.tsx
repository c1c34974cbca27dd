import { ThemeProvider } from "@mui/material/styles";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { setLanguage } from "../i18n/messages";
import backendStatus from "../test/fixtures/backend-status.json";
import backendPartial from "../test/fixtures/backend-status-partial.json";
import backendDegraded from "../test/fixtures/backend-status-degraded.json";
import eventsGaveUp from "../test/fixtures/watchdog-events-gave-up.json";
import watchdogBackoff from "../test/fixtures/watchdog-status-backoff.json";
import watchdogBlocked from "../test/fixtures/watchdog-status-blocked.json";
import watchdogDegraded from "../test/fixtures/watchdog-status-degraded.json";
import watchdogHealthy from "../test/fixtures/watchdog-status-healthy.json";
import watchdogGaveUp from "../test/fixtures/watchdog-status-gave-up.json";
import watchdogStarting from "../test/fixtures/watchdog-status-starting.json";
import { BACKEND_DOWN, installMockApi, ok } from "../test/mockApi";
import { theme } from "../theme";
import { SystemStatus } from "./SystemStatus";

// A long interval: the tests move from one poll to the next with the Refresh button.
function renderPage(token: string | null = null) {
  return render(
    <ThemeProvider theme={theme}>
      <SystemStatus token={token} intervalS={60} />
    </ThemeProvider>,
  );
}

async function clickRefresh() {
  await userEvent.click(screen.getByRole("button", { name: "Refresh" }));
}

describe("SystemStatus", () => {
  it("shows a loading state until the first answers arrive", () => {
    installMockApi({
      "/api/watchdog/status": "pending",
      "/api/watchdog/events": "pending",
      "/api/backend/status": "pending",
    });
    renderPage();
    expect(screen.getByText("Loading the status…")).toBeInTheDocument();
    expect(screen.getByText("Not updated yet")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "CPU" })).not.toBeInTheDocument();
  });

  it("shows the figures of a healthy backend", async () => {
    const api = installMockApi();
    renderPage();
    const cpu = await screen.findByRole("region", { name: "CPU" });
    expect(within(cpu).getByText("12.5%")).toBeInTheDocument();
    expect(within(cpu).getByRole("progressbar", { name: "Core 2" })).toHaveAttribute(
      "aria-valuenow",
      "15",
    );
    const memory = screen.getByRole("region", { name: "Memory" });
    expect(within(memory).getByText(/3\.2 GB of 8 GB/)).toBeInTheDocument();
    const database = screen.getByRole("region", { name: "Database" });
    expect(within(database).getByText("orders")).toBeInTheDocument();
    expect(within(database).getByText("1,204")).toBeInTheDocument();
    expect(within(database).getByText(/40 KB \(32 KB file \+ 8 KB WAL\)/)).toBeInTheDocument();
    const watchdog = screen.getByRole("region", { name: "Watchdog" });
    expect(within(watchdog).getByText("Healthy")).toBeInTheDocument();
    expect(within(watchdog).getByText("1 hr 2 min")).toBeInTheDocument();
    expect(screen.queryByTestId("outage-panel")).not.toBeInTheDocument();
    expect(screen.queryByText("Loading the status…")).not.toBeInTheDocument();
    expect(screen.getByText(/^Updated /)).toBeInTheDocument();
    expect(api.callsTo("/api/watchdog/events")[0]?.path).toBe("/api/watchdog/events?limit=50");
  });

  it("lists recent restarts with their reasons, newest first", async () => {
    installMockApi();
    renderPage();
    const list = await screen.findByRole("list", { name: "Recent restarts" });
    const items = within(list).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Recovered: healthy again after 2.1 s");
    expect(items[1]).toHaveTextContent("Exited: killed by SIGKILL");
    expect(items[1]).toHaveTextContent("signal");
    expect(within(list).getByText(/Hung: 3 checks in a row timed out/)).toBeInTheDocument();
    expect(within(list).queryByText(/Statistics/)).not.toBeInTheDocument();
  });

  it("warns when the backend reports a degraded dependency", async () => {
    installMockApi({
      "/api/watchdog/status": ok(watchdogDegraded),
      "/api/backend/status": ok(backendDegraded),
    });
    renderPage();
    expect(
      await screen.findByText("The backend answers but reports a problem"),
    ).toBeInTheDocument();
    expect(screen.getByText("Database: database is locked")).toBeInTheDocument();
    const chip = within(screen.getByRole("region", { name: "Watchdog" })).getByText("Degraded");
    expect(chip.closest("[data-health]")).toHaveAttribute("data-health", "warn");
    const database = screen.getByRole("region", { name: "Database" });
    expect(database).toHaveTextContent("The database could not be read: database is locked");
    expect(database).toHaveTextContent("Query latency–");
    expect(within(database).getByText("No tables")).toBeInTheDocument();
  });

  it("shows the figures it has when some could not be read", async () => {
    installMockApi({ "/api/backend/status": ok(backendPartial) });
    renderPage();
    expect(await screen.findByText("Some figures could not be read")).toBeInTheDocument();
    expect(screen.getByText(/^system\.disk: PermissionError/)).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Disk" })).toHaveTextContent("Not available");
    expect(screen.getByRole("region", { name: "Memory" })).toHaveTextContent(
      "Swap: Not available",
    );
    const cpu = screen.getByRole("region", { name: "CPU" });
    expect(within(cpu).getByText("12.5%")).toBeInTheDocument();
    expect(cpu).not.toHaveTextContent("Load");
  });

  it("explains a restart in backoff while the backend is down", async () => {
    installMockApi({
      "/api/watchdog/status": ok(watchdogBackoff),
      "/api/backend/status": BACKEND_DOWN,
    });
    renderPage();
    const panel = await screen.findByTestId("outage-panel");
    expect(panel).toHaveTextContent("The ERP backend does not answer");
    expect(panel).toHaveTextContent("Waiting 4 s before the next start (attempt 2 of 5)");
    expect(panel).toHaveTextContent("Last failure: exit code – exited with code 1");
    expect(panel).toHaveTextContent("backend unreachable: connection refused");
    expect(screen.getByText("Waiting to restart")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "CPU" })).not.toBeInTheDocument();
  });

  it("explains an answer on the backend's port that is not the ERP backend's status", async () => {
    installMockApi({ "/api/backend/status": ok({ status: "ok" }) });
    renderPage();
    const panel = await screen.findByTestId("outage-panel");
    expect(panel).toHaveTextContent(
      "Status request: the backend's port answers, but not with the ERP backend's status",
    );
    expect(screen.getByRole("region", { name: "Watchdog" })).toHaveTextContent("Healthy");
    expect(screen.queryByRole("region", { name: "CPU" })).not.toBeInTheDocument();
  });

  it("says which attempt is starting", async () => {
    installMockApi({
      "/api/watchdog/status": ok(watchdogStarting),
      "/api/backend/status": BACKEND_DOWN,
    });
    renderPage();
    expect(await screen.findByTestId("outage-panel")).toHaveTextContent(
      "Restarting, attempt 2 of 5",
    );
  });

  it("says when the watchdog gave up", async () => {
    installMockApi({
      "/api/watchdog/status": ok(watchdogGaveUp),
      "/api/watchdog/events": ok(eventsGaveUp),
      "/api/backend/status": BACKEND_DOWN,
    });
    renderPage();
    const panel = await screen.findByTestId("outage-panel");
    expect(panel).toHaveTextContent("Gave up at 2:02 PM: open the logs");
    expect(panel).toHaveTextContent("Next automatic try at 2:12 PM.");
    const chip = within(screen.getByRole("region", { name: "Watchdog" })).getByText("Gave up");
    expect(chip.closest("[data-health]")).toHaveAttribute("data-health", "fail");
  });

  it("says it in German with ?lang=de", async () => {
    setLanguage("de", "de-DE");
    installMockApi({
      "/api/watchdog/status": ok(watchdogGaveUp),
      "/api/watchdog/events": ok(eventsGaveUp),
      "/api/backend/status": BACKEND_DOWN,
    });
    renderPage();
    const panel = await screen.findByTestId("outage-panel");
    expect(panel).toHaveTextContent("Das ERP-Backend antwortet nicht");
    expect(panel).toHaveTextContent("Um 14:02 aufgegeben: bitte die Logs öffnen");
  });

  it("names the program that holds the backend's port", async () => {
    installMockApi({
      "/api/watchdog/status": ok(watchdogBlocked),
      "/api/backend/status": BACKEND_DOWN,
    });
    renderPage();
    expect(await screen.findByTestId("outage-panel")).toHaveTextContent(
      "Port 8765 is used by nginx (PID 99)",
    );
  });

  it("greys the last figures and says since when while the backend is down", async () => {
    const api = installMockApi();
    renderPage();
    await screen.findByRole("region", { name: "CPU" });
    api.setRoute("/api/watchdog/status", ok(watchdogBackoff));
    api.setRoute("/api/backend/status", BACKEND_DOWN);
    await clickRefresh();
    await screen.findByTestId("outage-panel");
    const cpu = screen.getByRole("region", { name: "CPU" });
    expect(cpu.closest("[data-stale]")).not.toBeNull();
    expect(screen.getByText(/^Last known figures from /)).toBeInTheDocument();
  });

  it("returns to the figures when the backend is back", async () => {
    const api = installMockApi({
      "/api/watchdog/status": ok(watchdogBackoff),
      "/api/backend/status": BACKEND_DOWN,
    });
    renderPage();
    await screen.findByTestId("outage-panel");
    api.setRoute("/api/watchdog/status", ok(watchdogHealthy));
    api.setRoute("/api/backend/status", ok(backendStatus));
    await clickRefresh();
    const cpu = await screen.findByRole("region", { name: "CPU" });
    expect(cpu.closest("[data-stale]")).toBeNull();
    expect(screen.queryByTestId("outage-panel")).not.toBeInTheDocument();
  });

  it("keeps the last figures greyed under a banner when the watchdog API fails", async () => {
    const api = installMockApi();
    renderPage();
    await screen.findByRole("region", { name: "CPU" });
    api.setRoute("/api/watchdog/status", "offline");
    api.setRoute("/api/watchdog/events", "offline");
    api.setRoute("/api/backend/status", "offline");
    await clickRefresh();
    const banner = await screen.findByRole("alert");
    expect(banner).toHaveTextContent("ERP Guardian does not answer (Failed to fetch)");
    expect(banner).toHaveTextContent("The figures shown are from");
    const watchdog = screen.getByRole("region", { name: "Watchdog" });
    expect(watchdog.closest("[data-stale]")).not.toBeNull();
    expect(screen.getByRole("region", { name: "CPU" }).closest("[data-stale]")).not.toBeNull();
    // The outage panel would blame the backend; the banner already says who does not answer.
    expect(screen.queryByTestId("outage-panel")).not.toBeInTheDocument();
  });

  it("lets the user pick the polling interval", async () => {
    installMockApi();
    const onIntervalChange = vi.fn();
    render(
      <ThemeProvider theme={theme}>
        <SystemStatus token={null} intervalS={2} onIntervalChange={onIntervalChange} />
      </ThemeProvider>,
    );
    const select = await screen.findByRole("combobox", { name: "Update every" });
    expect(select).toHaveValue("2");
    await userEvent.selectOptions(select, "10");
    expect(select).toHaveValue("10");
    expect(onIntervalChange).toHaveBeenCalledWith(10);
  });

  it("shows an error banner when the watchdog API fails from the start", async () => {
    installMockApi({
      "/api/watchdog/status": { status: 500, body: { detail: "internal error" } },
      "/api/backend/status": "offline",
    });
    renderPage();
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "ERP Guardian does not answer (internal error). Is the tray app running?",
    );
    expect(screen.queryByText("Loading the status…")).not.toBeInTheDocument();
  });
});

describe("SystemStatus actions", () => {
  it("hides restart, stop and start without a token", async () => {
    installMockApi();
    renderPage(null);
    await screen.findByRole("region", { name: "Watchdog" });
    expect(screen.queryByRole("button", { name: "Restart backend" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Stop backend" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Start backend" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reset status cache" })).toBeInTheDocument();
  });

  it("restarts with the token in the X-Guardian-Token header", async () => {
    const api = installMockApi();
    renderPage("secret-token");
    await userEvent.click(await screen.findByRole("button", { name: "Restart backend" }));
    expect(await screen.findByText("Restart requested")).toBeInTheDocument();
    const [call] = api.callsTo("/api/watchdog/restart");
    expect(call?.method).toBe("POST");
    expect(call?.headers["x-guardian-token"]).toBe("secret-token");
  });

  it("says so when the token is refused", async () => {
    installMockApi({ "/api/watchdog/restart": { status: 403, body: { detail: "bad token" } } });
    renderPage("stale-token");
    await userEvent.click(await screen.findByRole("button", { name: "Restart backend" }));
    expect(await screen.findByText(/token was refused/)).toBeInTheDocument();
  });

  it("asks before stopping, then POSTs stop", async () => {
    const api = installMockApi();
    renderPage("secret-token");
    await userEvent.click(await screen.findByRole("button", { name: "Stop backend" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("Stop the ERP backend?");
    expect(api.callsTo("/api/watchdog/stop")).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole("button", { name: "Stop" }));
    await waitFor(() => expect(api.callsTo("/api/watchdog/stop")).toHaveLength(1));
    expect(api.callsTo("/api/watchdog/stop")[0]?.headers["x-guardian-token"]).toBe("secret-token");
  });

  it("offers start when the watchdog gave up", async () => {
    const api = installMockApi({
      "/api/watchdog/status": ok(watchdogGaveUp),
      "/api/backend/status": BACKEND_DOWN,
    });
    renderPage("secret-token");
    await userEvent.click(await screen.findByRole("button", { name: "Start backend" }));
    await waitFor(() => expect(api.callsTo("/api/watchdog/start")).toHaveLength(1));
    // Exactly the snapshot's allowed commands: no process to restart, nothing to pause.
    expect(screen.queryByRole("button", { name: "Restart backend" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Pause watchdog" })).not.toBeInTheDocument();
  });

  it("cannot reset the cache of a backend that does not answer", async () => {
    installMockApi({
      "/api/watchdog/status": ok(watchdogBackoff),
      "/api/backend/status": BACKEND_DOWN,
    });
    renderPage();
    await screen.findByTestId("outage-panel");
    expect(screen.getByRole("button", { name: "Reset status cache" })).toBeDisabled();
  });

  it("resets the status cache and polls again", async () => {
    const api = installMockApi();
    renderPage();
    await userEvent.click(await screen.findByRole("button", { name: "Reset status cache" }));
    expect(await screen.findByText("Status cache cleared")).toBeInTheDocument();
    expect(api.callsTo("/api/backend/reset-cache")[0]?.method).toBe("POST");
    await waitFor(() => expect(api.callsTo("/api/backend/status").length).toBeGreaterThan(1));
  });
});
