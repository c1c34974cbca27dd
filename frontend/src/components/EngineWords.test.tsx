import { ThemeProvider } from "@mui/material/styles";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/messages";
import backendStatus from "../test/fixtures/backend-status.json";
// What the guardian's API answered after a real SIGKILL and recovery (made from a real run).
import crash from "../test/fixtures/watchdog-crash-recovered.json";
import { installMockApi, ok } from "../test/mockApi";
import { theme } from "../theme";
import { SystemStatus } from "./SystemStatus";

// Words of the engine's English details (tray_app/i18n/engine_texts.py).
const ENGLISH =
  /backend ended|killed by|restarting|attempt \d|back after|outage of|starting the backend|answers in/;

function renderCrashRecovered() {
  installMockApi({
    "/api/watchdog/status": ok(crash.status),
    "/api/watchdog/events": ok(crash.events),
    "/api/watchdog/incidents": ok(crash.incidents),
    "/api/backend/status": ok(backendStatus),
  });
  return render(
    <ThemeProvider theme={theme}>
      <SystemStatus token={null} intervalS={60} />
    </ThemeProvider>,
  );
}

describe("the engine's words", () => {
  afterEach(() => setLanguage("en"));

  it("shows a crash and its recovery in German with no English sentence of the engine", async () => {
    setLanguage("de", "de-DE");
    const { container } = renderCrashRecovered();
    await screen.findAllByText(/Das ERP-System wurde beendet \(Signal SIGKILL\)/);
    expect(container.textContent).not.toMatch(ENGLISH);
  });

  it("keeps the engine's English on the English page", async () => {
    const { container } = renderCrashRecovered();
    await screen.findAllByText(/backend ended: killed by SIGKILL/);
    expect(container.textContent).not.toMatch(/wurde beendet/);
  });
});
