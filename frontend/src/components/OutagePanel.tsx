/** Says what the watchdog is doing while the backend's figures cannot be had. */
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import Typography from "@mui/material/Typography";
import type { WatchdogEvent, WatchdogSnapshot } from "../api/types";
import { t } from "../i18n/messages";
import { HEALTH_STYLES } from "../status/healthStyle";
import { describeOutage } from "../status/outage";

interface OutagePanelProps {
  snapshot: WatchdogSnapshot;
  events: readonly WatchdogEvent[];
  /** Why the status request failed, as the server said it. */
  statusDetail: string;
}

export function OutagePanel({ snapshot, events, statusDetail }: OutagePanelProps) {
  const { headline, details } = describeOutage(snapshot, events);
  // A healthy watchdog whose backend's status fails is still a problem: no green check here.
  const { severity, Icon } = HEALTH_STYLES[snapshot.health === "ok" ? "warn" : snapshot.health];
  return (
    <Alert
      severity={severity}
      icon={<Icon />}
      role="status"
      aria-live="polite"
      data-testid="outage-panel"
    >
      <AlertTitle>{t("outage.title")}</AlertTitle>
      <Typography variant="body1" sx={{ fontWeight: 600 }}>
        {headline}
      </Typography>
      {details.map((line) => (
        <Typography key={line} variant="body2">
          {line}
        </Typography>
      ))}
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        {t("outage.statusDetail", { detail: statusDetail })}
      </Typography>
    </Alert>
  );
}
