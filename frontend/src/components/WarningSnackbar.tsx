/** A short notice when warnings appear while the page is open (the panel lists them all). */
import Alert from "@mui/material/Alert";
import Snackbar from "@mui/material/Snackbar";
import { useState } from "react";
import type { WarningAnnouncement } from "../hooks/useGuardianStatus";
import { t } from "../i18n/messages";
import { warningTitle } from "../status/warnings";

export function WarningSnackbar({ announcement }: { announcement: WarningAnnouncement | null }) {
  const [closedSerial, setClosedSerial] = useState(0);
  const open = announcement !== null && announcement.serial !== closedSerial;
  const close = () => {
    if (announcement) setClosedSerial(announcement.serial);
  };
  const titles = announcement?.warnings.map(warningTitle).join(", ") ?? "";
  return (
    <Snackbar
      open={open}
      autoHideDuration={8000}
      // A click elsewhere on the page must not hide a warning before it was read.
      onClose={(_event, reason) => reason !== "clickaway" && close()}
      anchorOrigin={{ vertical: "top", horizontal: "center" }}
    >
      {open ? (
        <Alert severity="warning" variant="filled" onClose={close} data-testid="warning-snackbar">
          {announcement.warnings.length === 1
            ? t("warnings.newOne", { titles })
            : t("warnings.newMany", { titles })}
        </Alert>
      ) : undefined}
    </Snackbar>
  );
}
