/**
 * What the watchdog is doing, in plain words, for the times the backend's own figures are
 * missing. Built from the snapshot alone (plus the events for the time it gave up), so the page
 * can explain an outage while the backend does not answer. The snapshot's own `detail` (the
 * server's words) is left to the watchdog card below.
 */
import type { WatchdogEvent, WatchdogSnapshot } from "../api/types";
import { formatShortTime, secondsUntil } from "../format/format";
import { engineText } from "../i18n/engineText";
import { t } from "../i18n/messages";

export interface OutageDescription {
  headline: string;
  details: string[];
}

function portHolderText(snapshot: WatchdogSnapshot): string | null {
  const holder = snapshot.port_holder;
  if (!holder) return null;
  const pid = holder.pid ?? "?";
  if (holder.ours) return t("outage.portHolderOurs", { port: holder.port, pid });
  if (holder.name) return t("outage.portHolder", { port: holder.port, name: holder.name, pid });
  return t("outage.portHolderUnknown", { port: holder.port });
}

/** When it gave up: the newest gave_up event, else the last failure, else the snapshot time. */
function gaveUpAt(snapshot: WatchdogSnapshot, events: readonly WatchdogEvent[]): string {
  const event = [...events].reverse().find((item) => item.event === "gave_up");
  return event?.time ?? snapshot.last_failure_at ?? snapshot.time;
}

function headline(snapshot: WatchdogSnapshot, events: readonly WatchdogEvent[]): string {
  const attempt = { attempt: snapshot.attempt, max: snapshot.max_restarts };
  switch (snapshot.state) {
    case "backoff": {
      if (!snapshot.next_start_at) return t("outage.restarting", attempt);
      // Both times come from the server's clock, so a skewed client clock does not matter.
      const seconds = secondsUntil(snapshot.next_start_at, snapshot.time);
      return snapshot.attempt > 0
        ? t("outage.waitingAttempt", { seconds, ...attempt })
        : t("outage.waiting", { seconds });
    }
    case "starting":
      return snapshot.attempt > 0 ? t("outage.restarting", attempt) : t("outage.starting");
    case "gave_up":
      return t("outage.gaveUp", { time: formatShortTime(gaveUpAt(snapshot, events)) });
    case "blocked":
      return portHolderText(snapshot) ?? t("outage.blocked");
    case "unhealthy":
      return t("outage.unhealthy", {
        failures: snapshot.consecutive_failures,
        threshold: snapshot.failure_threshold,
      });
    case "stopping":
      return t("outage.stopping");
    case "stopped":
      return t("outage.stopped");
    case "paused":
      return t("outage.paused");
    case "healthy":
    case "degraded":
      return t("outage.running");
  }
}

export function describeOutage(
  snapshot: WatchdogSnapshot,
  events: readonly WatchdogEvent[],
): OutageDescription {
  const details: string[] = [];
  if (snapshot.state === "gave_up") {
    details.push(t("outage.gaveUpHint"));
    if (snapshot.next_start_at) {
      details.push(t("outage.nextTry", { time: formatShortTime(snapshot.next_start_at) }));
    }
  }
  if (snapshot.last_failure_reason && snapshot.state !== "stopped") {
    details.push(
      t("outage.lastFailure", {
        reason: t(`reason.${snapshot.last_failure_reason}`),
        detail: engineText(snapshot.last_failure_message, snapshot.last_failure_detail ?? ""),
      }),
    );
  }
  return { headline: headline(snapshot, events), details };
}
