/** Recent incidents in the order the page shows them, and when to fetch them again. */
import type { IncidentSummary, WatchdogEvent } from "../api/types";
import { formatSeconds } from "../format/format";
import { t } from "../i18n/messages";

/** Newest first by start time; the API's own order follows file names. */
export function newestFirst(incidents: readonly IncidentSummary[]): IncidentSummary[] {
  return [...incidents].sort((a, b) => Date.parse(b.started_at) - Date.parse(a.started_at));
}

/**
 * A mark of the newest `incident` event in the list (null when there is none): when it
 * changes, a report was just written and the incident list is fetched at once.
 */
export function latestIncidentMark(events: readonly WatchdogEvent[]): string | null {
  const latest = events.findLast((item) => item.event === "incident");
  return latest ? `${latest.time} ${latest.detail}` : null;
}

/** "Recovered in 0.1 s" or "Not recovered". */
export function incidentOutcome(item: { recovered: boolean; recovery_s: number | null }): string {
  if (!item.recovered) return t("incidents.notRecovered");
  const duration = item.recovery_s === null ? t("watchdog.none") : formatSeconds(item.recovery_s);
  return t("incidents.recovered", { duration });
}
