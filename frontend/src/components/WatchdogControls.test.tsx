import { ThemeProvider } from "@mui/material/styles";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { UserCommand } from "../api/types";
import { setLanguage, t } from "../i18n/messages";
import { theme } from "../theme";
import { WatchdogControls } from "./WatchdogControls";

function renderControls(allowed: UserCommand[], canControl = true) {
  const onAction = vi.fn<(action: UserCommand) => void>();
  render(
    <ThemeProvider theme={theme}>
      <WatchdogControls
        allowed={allowed}
        canControl={canControl}
        busy={false}
        backendDown={false}
        onAction={onAction}
        onResetCache={() => {}}
      />
    </ThemeProvider>,
  );
  return onAction;
}

function commandButtons(): string[] {
  return screen
    .getAllByRole("button")
    .map((button) => button.textContent ?? "")
    .filter((text) => text !== t("actions.resetCache"));
}

describe("WatchdogControls", () => {
  afterEach(() => setLanguage("en"));

  it("offers exactly resume, restart and stop while paused", () => {
    renderControls(["resume", "restart", "stop"]);
    expect(commandButtons()).toEqual(["Restart backend", "Stop backend", "Resume watchdog"]);
  });

  it("offers start and stop while waiting to restart, and no pause", () => {
    renderControls(["start", "stop"]);
    expect(commandButtons()).toEqual(["Start backend", "Stop backend"]);
  });

  it("offers no command while stopping", () => {
    renderControls([]);
    expect(commandButtons()).toEqual([]);
    expect(screen.getByRole("button", { name: "Reset status cache" })).toBeEnabled();
  });

  it("hides every command without the page's token", () => {
    renderControls(["restart", "stop", "pause"], false);
    expect(commandButtons()).toEqual([]);
  });

  it("sends pause and resume at once", async () => {
    const onAction = renderControls(["restart", "stop", "pause"]);
    await userEvent.click(screen.getByRole("button", { name: "Pause watchdog" }));
    expect(onAction).toHaveBeenCalledWith("pause");
  });

  it("asks before it stops", async () => {
    const onAction = renderControls(["resume", "stop"]);
    await userEvent.click(screen.getByRole("button", { name: "Stop backend" }));
    expect(onAction).not.toHaveBeenCalled();
    const dialog = await screen.findByRole("dialog", { name: "Stop the ERP backend?" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Stop" }));
    expect(onAction).toHaveBeenCalledWith("stop");
  });

  it("speaks German", () => {
    setLanguage("de");
    renderControls(["resume", "stop"]);
    expect(commandButtons()).toEqual(["Backend stoppen", "Überwachung fortsetzen"]);
  });
});
