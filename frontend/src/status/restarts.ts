/** Picks the events that tell the story of restarts out of the watchdog's event list. */
import type { EventName, Reason, WatchdogEvent } from "../api/types";

export const RESTART_EVENTS: ReadonlySet<EventName> = new Set<EventName>([
  "exited",
  "hung",
  "killed",
  "recovered",
  "gave_up",
  "blocked",
  "stale_replaced",
  "promoted",
  "standby_replaced",
]);

/** Reasons of a `stopping` event that is a restart by an optional action, not a stop. */
export const ACTION_RESTART_REASONS: ReadonlySet<Reason> = new Set<Reason>([
  "rss_limit",
  "scheduled",
]);

/** A restart that ERP Guardian chose (memory limit, daily restart), told by its `stopping`. */
export function isActionRestart(item: WatchdogEvent): boolean {
  return item.event === "stopping" && ACTION_RESTART_REASONS.has(item.reason);
}

/** Newest first, at most `limit`. The API sends events newest last. */
export function recentRestarts(events: readonly WatchdogEvent[], limit = 8): WatchdogEvent[] {
  return events
    .filter((item) => RESTART_EVENTS.has(item.event) || isActionRestart(item))
    .reverse()
    .slice(0, limit);
}
