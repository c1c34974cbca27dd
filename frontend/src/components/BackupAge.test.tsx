import { ThemeProvider } from "@mui/material/styles";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { WatchdogBackups } from "../api/types";
import { setLanguage } from "../i18n/messages";
import backupsFixture from "../test/fixtures/watchdog-backups.json";
import { installMockApi, ok } from "../test/mockApi";
import { theme } from "../theme";
import { BackupAge } from "./BackupAge";
import { SystemStatus } from "./SystemStatus";

const THREE_HOURS: WatchdogBackups = backupsFixture as WatchdogBackups;
const DAY_H = 3600 * 24;

function renderLine(backups: WatchdogBackups | null) {
  return render(
    <ThemeProvider theme={theme}>
      <BackupAge backups={backups} />
    </ThemeProvider>,
  );
}

describe("BackupAge", () => {
  afterEach(() => setLanguage("en"));

  it("shows the age of the last good backup on the status page, read from the guardian (en)", async () => {
    const api = installMockApi({ "/api/watchdog/backups": ok(backupsFixture) });
    render(
      <ThemeProvider theme={theme}>
        <SystemStatus token={null} intervalS={60} />
      </ThemeProvider>,
    );
    const line = await screen.findByTestId("backup-age");
    expect(line).toHaveTextContent("Last good backup: 3 hours ago");
    expect(line).not.toHaveClass("MuiAlert-root");
    expect(api.callsTo("/api/watchdog/backups").map((call) => call.method)).toEqual(["GET"]);
  });

  it("says the same in German", async () => {
    setLanguage("de");
    installMockApi({ "/api/watchdog/backups": ok(backupsFixture) });
    render(
      <ThemeProvider theme={theme}>
        <SystemStatus token={null} intervalS={60} />
      </ThemeProvider>,
    );
    expect(await screen.findByTestId("backup-age")).toHaveTextContent(
      "Letzte gute Sicherung: vor 3 Stunden",
    );
  });

  it("warns, in words and colour, when the last good backup is older than the limit (en, de)", () => {
    const old = { ...THREE_HOURS, last_good_age_s: 30 * 3600 };
    const { unmount } = renderLine(old);
    const line = screen.getByTestId("backup-age");
    expect(line).toHaveTextContent("Last good backup: 30 hours ago (older than 26 hours)");
    expect(line).toHaveClass("MuiAlert-colorWarning");
    unmount();
    setLanguage("de");
    renderLine({ ...old, last_good_age_s: 3 * DAY_H });
    expect(screen.getByTestId("backup-age")).toHaveTextContent(
      "Letzte gute Sicherung: vor 3 Tagen (älter als 26 Stunden)",
    );
  });

  it("says no backup yet without alarm, and warns when every backup failed its check", () => {
    const { unmount } = renderLine({ backups: [], last_good_age_s: null, warn_age_s: 26 * 3600 });
    expect(screen.getByTestId("backup-age")).toHaveTextContent("No backup yet");
    expect(screen.getByTestId("backup-age")).not.toHaveClass("MuiAlert-root");
    unmount();
    setLanguage("de");
    const damaged = THREE_HOURS.backups.map((entry) => ({ ...entry, verified: false }));
    renderLine({ backups: damaged, last_good_age_s: null, warn_age_s: 26 * 3600 });
    const line = screen.getByTestId("backup-age");
    expect(line).toHaveTextContent("Keine gute Sicherung");
    expect(line).toHaveClass("MuiAlert-colorWarning");
  });

  it("shows nothing while the guardian has not answered, and never the limit when it is off", () => {
    const { container, unmount } = renderLine(null);
    expect(container).toBeEmptyDOMElement();
    unmount();
    renderLine({ ...THREE_HOURS, last_good_age_s: 300 * 3600, warn_age_s: null });
    expect(screen.getByTestId("backup-age")).toHaveTextContent("Last good backup: 12 days ago");
  });
});
