/**
 * Polls the supervisor's read endpoints and keeps the last good answer of each, so the page
 * can grey out old figures instead of going blank when something stops answering.
 */
import { useCallback, useRef, useState } from "react";
import {
  ApiError,
  fetchBackendStatus,
  fetchIncidents,
  fetchWatchdogEvents,
  fetchWatchdogStatus,
} from "../api/client";
import type {
  ActiveWarning,
  BackendStatus,
  IncidentSummary,
  WatchdogEvent,
  WatchdogIncidents,
  WatchdogSnapshot,
} from "../api/types";
import { addSample, type Sample } from "../status/history";
import { latestIncidentMark, newestFirst } from "../status/incidents";
import { newWarnings } from "../status/warnings";
import { usePolling } from "./usePolling";

/** The incident list changes rarely: fetched every this many polls, and when an incident event arrives. */
export const INCIDENTS_EVERY = 5;

/** Warnings that appeared since the previous snapshot; `serial` tells one announcement from the next. */
export interface WarningAnnouncement {
  warnings: ActiveWarning[];
  serial: number;
}

export interface GuardianStatus {
  snapshot: WatchdogSnapshot | null;
  events: WatchdogEvent[];
  /** Newest first; the last list that arrived. */
  incidents: IncidentSummary[];
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
  /** The latest new warnings, kept until newer ones arrive. */
  announcement: WarningAnnouncement | null;
  /** False until the first round of requests has ended, successful or not. */
  loaded: boolean;
}

const INITIAL: GuardianStatus = {
  snapshot: null,
  events: [],
  incidents: [],
  backend: null,
  backendAt: null,
  backendError: null,
  watchdogError: null,
  lastUpdate: null,
  history: [],
  announcement: null,
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

function announce(previous: GuardianStatus, snapshot: WatchdogSnapshot): WarningAnnouncement | null {
  const fresh = newWarnings(previous.snapshot?.warnings ?? null, snapshot.warnings);
  if (fresh.length === 0) return previous.announcement;
  return { warnings: fresh, serial: (previous.announcement?.serial ?? 0) + 1 };
}

/** The next state after one round of requests. Exported for tests. */
export function applyPoll(previous: GuardianStatus, result: PollResult): GuardianStatus {
  const { at, snapshot, events, backend } = result;
  const next: GuardianStatus = { ...previous, loaded: true };
  if (snapshot.status === "fulfilled") {
    next.snapshot = snapshot.value;
    next.watchdogError = null;
    next.lastUpdate = at;
    next.announcement = announce(previous, snapshot.value);
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

/** A failed incidents request keeps the previous list, like the events. */
export function applyIncidents(
  previous: GuardianStatus,
  result: PromiseSettledResult<WatchdogIncidents>,
): GuardianStatus {
  if (result.status === "rejected") return previous;
  return { ...previous, incidents: newestFirst(result.value.incidents) };
}

export function useGuardianStatus(intervalMs: number) {
  const [status, setStatus] = useState<GuardianStatus>(INITIAL);
  // Poll bookkeeping for the incident list; read and written only inside a poll.
  const pollCount = useRef(0);
  const incidentMark = useRef<string | null>(null);
  const incidentsWanted = useRef(true);

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

    const mark =
      events.status === "fulfilled" ? latestIncidentMark(events.value.events) : incidentMark.current;
    pollCount.current += 1;
    const due =
      incidentsWanted.current ||
      mark !== incidentMark.current ||
      pollCount.current % INCIDENTS_EVERY === 0;
    if (!due) return;
    const [incidents] = await Promise.allSettled([fetchIncidents(signal)]);
    if (signal.aborted) return;
    // Only a list that arrived settles the mark; a failed request is tried again next poll.
    incidentsWanted.current = incidents.status === "rejected";
    incidentMark.current = mark;
    setStatus((previous) => applyIncidents(previous, incidents));
  }, []);

  const polling = usePolling(poll, intervalMs);
  const { refresh: pollNow } = polling;
  // A manual refresh brings the incident list too.
  const refresh = useCallback(() => {
    incidentsWanted.current = true;
    pollNow();
  }, [pollNow]);
  return { status, refresh, hidden: polling.hidden };
}
