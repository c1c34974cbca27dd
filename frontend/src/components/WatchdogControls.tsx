/**
 * The watchdog's commands (only with the page's token) and the status cache reset.
 * The buttons are exactly the commands the engine allows now (`allowed_commands` of the
 * snapshot): the page keeps no state table of its own. Stopping asks first: it takes the ERP
 * away from everyone.
 */
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import Stack from "@mui/material/Stack";
import DeleteSweepIcon from "@mui/icons-material/DeleteSweep";
import PauseIcon from "@mui/icons-material/Pause";
import PlayArrowIcon from "@mui/icons-material/PlayArrow";
import RestartAltIcon from "@mui/icons-material/RestartAlt";
import StopIcon from "@mui/icons-material/Stop";
import { type ReactElement, useState } from "react";
import type { UserCommand } from "../api/types";
import { type MessageKey, t } from "../i18n/messages";

interface CommandButton {
  label: MessageKey;
  icon: ReactElement;
  variant: "contained" | "outlined";
  color?: "error";
}

/** Every command's button, in the order they appear (the tray menu uses the same order). */
const BUTTONS: ReadonlyArray<[UserCommand, CommandButton]> = [
  ["restart", { label: "actions.restart", icon: <RestartAltIcon />, variant: "contained" }],
  ["start", { label: "actions.start", icon: <PlayArrowIcon />, variant: "outlined" }],
  ["stop", { label: "actions.stop", icon: <StopIcon />, variant: "outlined", color: "error" }],
  ["pause", { label: "actions.pause", icon: <PauseIcon />, variant: "outlined" }],
  ["resume", { label: "actions.resume", icon: <PlayArrowIcon />, variant: "outlined" }],
];

interface WatchdogControlsProps {
  /** The snapshot's `allowed_commands`. */
  allowed: readonly UserCommand[];
  canControl: boolean;
  busy: boolean;
  /** The cache lives in the backend: nothing to reset while it does not answer. */
  backendDown: boolean;
  onAction: (action: UserCommand) => void;
  onResetCache: () => void;
}

export function WatchdogControls(props: WatchdogControlsProps) {
  const { allowed, canControl, busy, backendDown, onAction, onResetCache } = props;
  const [confirmStop, setConfirmStop] = useState(false);
  const offered = canControl ? BUTTONS.filter(([command]) => allowed.includes(command)) : [];
  return (
    <>
      <Stack direction="row" useFlexGap sx={{ flexWrap: "wrap", gap: 1, mt: 2 }}>
        {offered.map(([command, button]) => (
          <Button
            key={command}
            variant={button.variant}
            color={button.color}
            size="small"
            startIcon={button.icon}
            disabled={busy}
            onClick={() => (command === "stop" ? setConfirmStop(true) : onAction(command))}
          >
            {t(button.label)}
          </Button>
        ))}
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
