/** Whether the backend answers but reports a failing dependency (the database). */
import type { BackendStatus, WatchdogSnapshot } from "../api/types";

export function isDegraded(
  snapshot: WatchdogSnapshot | null,
  backend: BackendStatus | null,
): boolean {
  return (
    snapshot?.state === "degraded" ||
    snapshot?.backend_status === "degraded" ||
    Boolean(backend?.database.error)
  );
}
