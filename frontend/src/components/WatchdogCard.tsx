/** The watchdog's state, figures and recent restarts, with its controls. */
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import type { WatchdogEvent, WatchdogSnapshot } from "../api/types";
import { formatDateTime, formatDuration, formatMs, formatNumber, formatTime } from "../format/format";
import { engineText } from "../i18n/engineText";
import { t } from "../i18n/messages";
import { FactList } from "./FactList";
import { RecentRestarts } from "./RecentRestarts";
import { StateChip } from "./StateChip";
import { StatusCard } from "./StatusCard";
import { WarningMark } from "./WarningMark";

interface WatchdogCardProps {
  snapshot: WatchdogSnapshot;
  events: readonly WatchdogEvent[];
  /** The restart/stop/start and cache buttons. */
  controls: ReactNode;
}

/** "ready (PID 4242)", "warming (PID 4242)", or none while there is no standby. */
function standbyText(snapshot: WatchdogSnapshot): string {
  const standby = snapshot.standby;
  if (!standby) return t("watchdog.none");
  const key = standby.state === "ready" ? "watchdog.standbyReady" : "watchdog.standbyWarming";
  return t(key, { pid: standby.pid });
}

function lastFailure(snapshot: WatchdogSnapshot): string {
  if (!snapshot.last_failure_at || !snapshot.last_failure_reason) return t("watchdog.none");
  const reason = t(`reason.${snapshot.last_failure_reason}`);
  const failure = engineText(snapshot.last_failure_message, snapshot.last_failure_detail ?? "");
  const detail = failure ? ` – ${failure}` : "";
  return `${formatDateTime(snapshot.last_failure_at)}: ${reason}${detail}`;
}

export function WatchdogCard({ snapshot, events, controls }: WatchdogCardProps) {
  const none = t("watchdog.none");
  return (
    <StatusCard
      title={t("watchdog.title")}
      aside={
        <Stack direction="row" spacing={1} component="span" sx={{ alignItems: "center" }}>
          <StateChip state={snapshot.state} health={snapshot.health} />
          <WarningMark count={snapshot.warnings.length} />
        </Stack>
      }
    >
      <Typography variant="body2" sx={{ mb: 1.5 }}>
        {engineText(snapshot.message, snapshot.detail)}
      </Typography>
      <FactList
        facts={[
          {
            label: t("watchdog.uptime"),
            value: snapshot.uptime_s === null ? none : formatDuration(snapshot.uptime_s),
          },
          { label: t("watchdog.restarts"), value: formatNumber(snapshot.restart_count) },
          { label: t("watchdog.pid"), value: snapshot.pid === null ? none : String(snapshot.pid) },
          { label: t("watchdog.standby"), value: standbyText(snapshot) },
          { label: t("watchdog.promotions"), value: formatNumber(snapshot.promotions) },
          {
            label: t("watchdog.checkLatency"),
            value:
              snapshot.last_check_latency_ms === null
                ? none
                : formatMs(snapshot.last_check_latency_ms),
          },
          {
            label: t("watchdog.lastCheck"),
            value: snapshot.last_check_at ? formatTime(snapshot.last_check_at) : none,
          },
          { label: t("watchdog.lastFailure"), value: lastFailure(snapshot) },
        ]}
      />
      {controls}
      <RecentRestarts events={events} />
    </StatusCard>
  );
}
