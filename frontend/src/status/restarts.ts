/** Picks the events that tell the story of restarts out of the watchdog's event list. */
import type { EventName, WatchdogEvent } from "../api/types";

export const RESTART_EVENTS: ReadonlySet<EventName> = new Set<EventName>([
  "exited",
  "hung",
  "killed",
  "recovered",
  "gave_up",
  "blocked",
  "stale_replaced",
]);

/** Newest first, at most `limit`. The API sends events newest last. */
export function recentRestarts(events: readonly WatchdogEvent[], limit = 8): WatchdogEvent[] {
  return events
    .filter((item) => RESTART_EVENTS.has(item.event))
    .reverse()
    .slice(0, limit);
}
