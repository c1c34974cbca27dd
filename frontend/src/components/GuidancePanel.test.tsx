import { ThemeProvider } from "@mui/material/styles";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WatchdogSnapshot } from "../api/types";
import { setLanguage } from "../i18n/messages";
import { theme } from "../theme";
import { GuidancePanel } from "./GuidancePanel";

type Guidance = NonNullable<WatchdogSnapshot["guidance"]>;

const GAVE_UP: Guidance = {
  id: "gave_up",
  params: {},
  lines: ["bad config line 7"],
  actions: ["open_log", "try_again"],
};

const MISSING_MODULE: Guidance = {
  id: "missing_module",
  params: { module: "erp_ledger_core" },
  lines: ["ModuleNotFoundError: No module named 'erp_ledger_core'"],
  actions: ["check_and_fix", "open_log", "try_again"],
};

const DATABASE_DAMAGED: Guidance = {
  id: "database_damaged",
  params: { database: "/srv/erp/erp.sqlite3" },
  lines: ["quick_check: database disk image is malformed"],
  actions: ["restore_backup", "open_log", "try_again"],
};

function renderPanel(guidance: Guidance, canControl = true) {
  const onTryAgain = vi.fn<() => void>();
  render(
    <ThemeProvider theme={theme}>
      <GuidancePanel guidance={guidance} canControl={canControl} busy={false} onTryAgain={onTryAgain} />
    </ThemeProvider>,
  );
  return onTryAgain;
}

describe("GuidancePanel", () => {
  afterEach(() => setLanguage("en"));

  it("shows what happened, the last output, and Try again posts start (en)", async () => {
    const onTryAgain = renderPanel(GAVE_UP);
    const panel = screen.getByTestId("guidance-panel");
    expect(panel).toHaveTextContent("ERP Guardian has stopped restarting it");
    expect(screen.getByTestId("guidance-lines")).toHaveTextContent("bad config line 7");
    expect(panel).toHaveTextContent("Log viewer"); // the log opens from the tray, not the page
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onTryAgain).toHaveBeenCalledTimes(1);
  });

  it("names the missing module and says where Check and fix is (de)", () => {
    setLanguage("de");
    renderPanel(MISSING_MODULE);
    const panel = screen.getByTestId("guidance-panel");
    expect(panel).toHaveTextContent("Python-Modul „erp_ledger_core“");
    expect(panel).toHaveTextContent("„Prüfen und beheben“ finden Sie im Menü");
    expect(screen.getByRole("button", { name: "Erneut versuchen" })).toBeInTheDocument();
  });

  it("offers no button without the page's token", () => {
    renderPanel(GAVE_UP, false);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("words a port holder with its PID, or as another program", () => {
    setLanguage("de");
    renderPanel({
      id: "port_in_use",
      params: { port: "8765", holder: "", pid: "" },
      lines: [],
      actions: ["check_and_fix"],
    });
    expect(screen.getByTestId("guidance-panel")).toHaveTextContent(
      "Port 8765 wird von einem anderen Programm belegt.",
    );
  });

  it("names the damaged database and says where a backup is restored, never offering it (en)", () => {
    renderPanel(DATABASE_DAMAGED);
    const panel = screen.getByTestId("guidance-panel");
    expect(panel).toHaveTextContent("The database is damaged");
    expect(panel).toHaveTextContent("a check of /srv/erp/erp.sqlite3 found damage");
    expect(screen.getByTestId("guidance-lines")).toHaveTextContent("database disk image is malformed");
    expect(panel).toHaveTextContent(
      "Restore a backup in the tray's Backups window, or with “erp-guardian backup restore ID”",
    );
    // Try again is the only button: a restore is asked for on the machine, not from a browser.
    expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual(["Try again"]);
  });

  it("says the same in German", () => {
    setLanguage("de");
    renderPanel(DATABASE_DAMAGED);
    const panel = screen.getByTestId("guidance-panel");
    expect(panel).toHaveTextContent("Die Datenbank ist beschädigt");
    expect(panel).toHaveTextContent(
      "Stellen Sie eine Sicherung im Fenster „Sicherungen“ des Symbols in der Taskleiste wieder her",
    );
  });
});
