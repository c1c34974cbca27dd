/**
 * What a yellow or red state means and what the user can do: the engine's `guidance`, worded
 * from the catalogue by its id. "Try again" posts start (with the page's token); opening the
 * log, "Check and fix" and restoring a backup live in the tray app, so the page says where to
 * find them.
 */
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Typography from "@mui/material/Typography";
import PlayArrowIcon from "@mui/icons-material/PlayArrow";
import type { WatchdogSnapshot } from "../api/types";
import { t } from "../i18n/messages";

type Guidance = NonNullable<WatchdogSnapshot["guidance"]>;

const CALM: ReadonlySet<Guidance["id"]> = new Set(["starting", "stopping"]);

interface GuidancePanelProps {
  guidance: Guidance;
  /** The page has the token that commands need. */
  canControl: boolean;
  busy: boolean;
  onTryAgain: () => void;
}

function params(guidance: Guidance): Record<string, string> {
  const { holder, pid, ...rest } = guidance.params;
  if (guidance.id !== "port_in_use") return guidance.params;
  const name = holder || t("guidance.otherProgram");
  return { ...rest, holder: pid ? `${name} (PID ${pid})` : name };
}

export function GuidancePanel({ guidance, canControl, busy, onTryAgain }: GuidancePanelProps) {
  const actions = guidance.actions;
  const severity = CALM.has(guidance.id) ? "info" : "warning";
  return (
    <Alert severity={severity} data-testid="guidance-panel" aria-label={t("guidance.label")}>
      <AlertTitle>{t(`guidance.${guidance.id}.title`)}</AlertTitle>
      <Typography variant="body2">{t(`guidance.${guidance.id}.text`, params(guidance))}</Typography>
      {guidance.lines.length > 0 ? (
        <Box
          component="pre"
          data-testid="guidance-lines"
          tabIndex={0}
          sx={{
            my: 1,
            p: 1,
            maxHeight: "10rem",
            overflow: "auto",
            bgcolor: "grey.100",
            borderRadius: 1,
            fontFamily: "monospace",
            fontSize: "0.75rem",
          }}
        >
          {guidance.lines.join("\n")}
        </Box>
      ) : null}
      {actions.includes("try_again") && canControl ? (
        <Button
          variant="contained"
          size="small"
          startIcon={<PlayArrowIcon />}
          disabled={busy}
          onClick={onTryAgain}
          sx={{ my: 1 }}
        >
          {t("guidance.tryAgain")}
        </Button>
      ) : null}
      {actions.includes("open_log") ? (
        <Typography variant="body2">{t("guidance.openLog")}</Typography>
      ) : null}
      {actions.includes("check_and_fix") ? (
        <Typography variant="body2">{t("guidance.checkAndFix")}</Typography>
      ) : null}
      {actions.includes("stop_port_holder") ? (
        <Typography variant="body2">{t("guidance.stopPortHolder")}</Typography>
      ) : null}
      {actions.includes("restore_backup") ? (
        // A hint, never a button: a restore replaces the ERP's data and is asked for on the machine.
        <Typography variant="body2">{t("guidance.restoreBackup")}</Typography>
      ) : null}
    </Alert>
  );
}
