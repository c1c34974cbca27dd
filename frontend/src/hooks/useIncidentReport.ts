/** Loads one incident report while its dialog is open. */
import { useEffect, useState } from "react";
import { ApiError, fetchIncident } from "../api/client";
import type { IncidentReport } from "../api/types";

export type ReportState =
  | { phase: "loading" }
  | { phase: "loaded"; report: IncidentReport }
  | { phase: "failed"; detail: string };

interface Loaded {
  id: string;
  state: ReportState;
}

/** The report of `id` (null: no dialog open). A report of another id counts as loading. */
export function useIncidentReport(id: string | null): ReportState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (id === null) return undefined;
    const controller = new AbortController();
    fetchIncident(id, controller.signal).then(
      (report) => setLoaded({ id, state: { phase: "loaded", report } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const detail = error instanceof ApiError ? error.detail : String(error);
        setLoaded({ id, state: { phase: "failed", detail } });
      },
    );
    return () => controller.abort();
  }, [id]);

  return loaded !== null && loaded.id === id ? loaded.state : { phase: "loading" };
}
