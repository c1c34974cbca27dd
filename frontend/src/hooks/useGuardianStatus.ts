/**
 * Polls the supervisor's three read endpoints together and keeps the last good answer of each,
 * so the page can grey out old figures instead of going blank when something stops answering.
 */
import { useCallback, useState } from "react";
import { ApiError, fetchBackendStatus, fetchWatchdogEvents, fetchWatchdogStatus } from "../api/client";
import type { BackendStatus, WatchdogEvent, WatchdogSnapshot } from "../api/types";
import { addSample, type Sample } from "../status/history";
import { usePolling } from "./usePolling";

export interface GuardianStatus {
  snapshot: WatchdogSnapshot | null;
  events: WatchdogEvent[];
  /** The last backend figures that arrived, kept while the backend is down. */
  backend: BackendStatus | null;
  /** Client time (ms) when `backend` arrived. */
  backendAt: number | null;
  /** Set while the latest backend status request failed. */
  backendError: ApiError | null;
  /** Set while the latest watchdog status request failed. */
  watchdogError: ApiError | null;
  /** Client time (ms) of the latest answer from the watchdog. */
  lastUpdate: number | null;
  history: Sample[];
  /** False until the first round of requests has ended, successful or not. */
  loaded: boolean;
}

const INITIAL: GuardianStatus = {
  snapshot: null,
  events: [],
  backend: null,
  backendAt: null,
  backendError: null,
  watchdogError: null,
  lastUpdate: null,
  history: [],
  loaded: false,
};

function asApiError(reason: unknown): ApiError {
  return reason instanceof ApiError ? reason : new ApiError(0, String(reason));
}

interface PollResult {
  at: number;
  snapshot: PromiseSettledResult<WatchdogSnapshot>;
  events: PromiseSettledResult<{ events: WatchdogEvent[] }>;
  backend: PromiseSettledResult<BackendStatus>;
}

/** The next state after one round of requests. Exported for tests. */
export function applyPoll(previous: GuardianStatus, result: PollResult): GuardianStatus {
  const { at, snapshot, events, backend } = result;
  const next: GuardianStatus = { ...previous, loaded: true };
  if (snapshot.status === "fulfilled") {
    next.snapshot = snapshot.value;
    next.watchdogError = null;
    next.lastUpdate = at;
  } else {
    next.watchdogError = asApiError(snapshot.reason);
  }
  // A failed events request alone keeps the previous list: it is not worth a banner.
  if (events.status === "fulfilled") next.events = events.value.events;
  if (backend.status === "fulfilled") {
    next.backend = backend.value;
    next.backendAt = at;
    next.backendError = null;
  } else {
    next.backendError = asApiError(backend.reason);
  }
  if (snapshot.status === "fulfilled" || backend.status === "fulfilled") {
    next.history = addSample(previous.history, {
      at,
      cpuPercent: backend.status === "fulfilled" ? backend.value.system.cpu_percent : null,
      ramPercent: backend.status === "fulfilled" ? backend.value.system.memory.percent : null,
      latencyMs: snapshot.status === "fulfilled" ? snapshot.value.last_check_latency_ms : null,
    });
  }
  return next;
}

export function useGuardianStatus(intervalMs: number) {
  const [status, setStatus] = useState<GuardianStatus>(INITIAL);

  const poll = useCallback(async (signal: AbortSignal) => {
    const [snapshot, events, backend] = await Promise.allSettled([
      fetchWatchdogStatus(signal),
      fetchWatchdogEvents(signal),
      fetchBackendStatus(signal),
    ]);
    // An aborted round (refresh, new interval, page hidden) is replaced by a newer one.
    if (signal.aborted) return;
    const at = Date.now();
    setStatus((previous) => applyPoll(previous, { at, snapshot, events, backend }));
  }, []);

  const { refresh, hidden } = usePolling(poll, intervalMs);
  return { status, refresh, hidden };
}
