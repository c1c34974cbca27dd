/**
 * Restart, stop and start (only with the page's token) and the status cache reset.
 * Stopping asks first: it takes the ERP away from everyone.
 */
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import DeleteSweepIcon from "@mui/icons-material/DeleteSweep";
import PlayArrowIcon from "@mui/icons-material/PlayArrow";
import RestartAltIcon from "@mui/icons-material/RestartAlt";
import StopIcon from "@mui/icons-material/Stop";
import { useState } from "react";
import type { WatchdogAction, WatchdogState } from "../api/types";
import { t } from "../i18n/messages";

/** States in which the backend runs or is about to: Stop makes sense, Start does not. */
const RUNNING: ReadonlySet<WatchdogState> = new Set<WatchdogState>([
  "starting",
  "healthy",
  "degraded",
  "unhealthy",
  "backoff",
]);

interface WatchdogControlsProps {
  state: WatchdogState | null;
  canControl: boolean;
  busy: boolean;
  /** The cache lives in the backend: nothing to reset while it does not answer. */
  backendDown: boolean;
  onAction: (action: WatchdogAction) => void;
  onResetCache: () => void;
}

export function WatchdogControls(props: WatchdogControlsProps) {
  const { state, canControl, busy, backendDown, onAction, onResetCache } = props;
  const [confirmStop, setConfirmStop] = useState(false);
  const running = state !== null && RUNNING.has(state);
  return (
    <>
      <Stack direction="row" useFlexGap sx={{ flexWrap: "wrap", gap: 1, mt: 2 }}>
        {canControl ? (
          <>
            <Button
              variant="contained"
              size="small"
              startIcon={<RestartAltIcon />}
              disabled={busy}
              onClick={() => onAction("restart")}
            >
              {t("actions.restart")}
            </Button>
            {running ? (
              <Button
                variant="outlined"
                color="error"
                size="small"
                startIcon={<StopIcon />}
                disabled={busy}
                onClick={() => setConfirmStop(true)}
              >
                {t("actions.stop")}
              </Button>
            ) : (
              <Button
                variant="outlined"
                size="small"
                startIcon={<PlayArrowIcon />}
                disabled={busy}
                onClick={() => onAction("start")}
              >
                {t("actions.start")}
              </Button>
            )}
          </>
        ) : null}
        <Button
          variant="outlined"
          size="small"
          startIcon={<DeleteSweepIcon />}
          disabled={busy || backendDown}
          onClick={onResetCache}
        >
          {t("actions.resetCache")}
        </Button>
      </Stack>
      <Dialog open={confirmStop} onClose={() => setConfirmStop(false)}>
        <DialogTitle>{t("actions.confirmStopTitle")}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t("actions.confirmStopBody")}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmStop(false)}>{t("actions.cancel")}</Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => {
              setConfirmStop(false);
              onAction("stop");
            }}
          >
            {t("actions.confirmStop")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
