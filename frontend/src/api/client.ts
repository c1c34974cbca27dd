/**
 * Calls to the supervisor's web server. Same origin only: the page is served by that server,
 * which proxies the backend's status API so the page never talks to the backend directly.
 */
import type {
  ActionAccepted,
  BackendStatus,
  IncidentReport,
  ResetCacheResult,
  WatchdogAction,
  WatchdogBackups,
  WatchdogEvents,
  WatchdogIncidents,
  WatchdogSnapshot,
} from "./types";
import { t } from "../i18n/messages";

export const TOKEN_HEADER = "X-Guardian-Token";
export const EVENTS_LIMIT = 50;
export const INCIDENTS_LIMIT = 10;

/** An HTTP answer that was not 2xx, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;

  constructor(status: number, detail: string) {
    super(status ? `HTTP ${status}: ${detail}` : detail);
    this.name = "ApiError";
    this.status = status;
    this.detail = detail;
  }
}

/** FastAPI puts a string in `detail`, or a list of problems for a 422. */
function detailOf(body: unknown, fallback: string): string {
  if (body && typeof body === "object" && "detail" in body) {
    const detail = (body as { detail: unknown }).detail;
    return typeof detail === "string" ? detail : JSON.stringify(detail);
  }
  return fallback;
}

async function requestJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { cache: "no-store", ...init });
  } catch (error) {
    // fetch rejects only when no HTTP answer came (server down, network error).
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, detailOf(body, response.statusText));
  }
  return body as T;
}

export function fetchWatchdogStatus(signal?: AbortSignal): Promise<WatchdogSnapshot> {
  return requestJson("/api/watchdog/status", { signal });
}

export function fetchWatchdogEvents(signal?: AbortSignal): Promise<WatchdogEvents> {
  return requestJson(`/api/watchdog/events?limit=${EVENTS_LIMIT}`, { signal });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether an answer has the parts the page reads. A program on the backend's port that is not
 * our backend answers 200 with something else; drawing that would throw and blank the page.
 */
function looksLikeBackendStatus(body: unknown): body is BackendStatus {
  return (
    isObject(body) &&
    isObject(body.system) &&
    isObject(body.system.memory) &&
    isObject(body.process) &&
    isObject(body.database) &&
    isObject(body.cache)
  );
}

export async function fetchBackendStatus(signal?: AbortSignal): Promise<BackendStatus> {
  const body = await requestJson<unknown>("/api/backend/status", { signal });
  if (!looksLikeBackendStatus(body)) throw new ApiError(200, t("error.unexpectedAnswer"));
  return body;
}

export function fetchBackups(signal?: AbortSignal): Promise<WatchdogBackups> {
  return requestJson("/api/watchdog/backups", { signal });
}

export function fetchIncidents(signal?: AbortSignal): Promise<WatchdogIncidents> {
  return requestJson(`/api/watchdog/incidents?limit=${INCIDENTS_LIMIT}`, { signal });
}

export function fetchIncident(id: string, signal?: AbortSignal): Promise<IncidentReport> {
  return requestJson(`/api/watchdog/incidents/${encodeURIComponent(id)}`, { signal });
}

export function resetBackendCache(): Promise<ResetCacheResult> {
  return requestJson("/api/backend/reset-cache", { method: "POST" });
}

export function sendWatchdogAction(action: WatchdogAction, token: string): Promise<ActionAccepted> {
  return requestJson(`/api/watchdog/${action}`, {
    method: "POST",
    headers: { [TOKEN_HEADER]: token },
  });
}
