/**
 * The JSON shapes of the supervisor's web API, as docs/API.md describes them. The backend's
 * status follows its real response models (backend/app/schemas/status.py), which add a few
 * fields and nulls to the document's example: `errors`, `cache.compute_ms`, and figures that
 * can be missing (marked "null when ..." below).
 *
 * Time stamps are ISO 8601 strings (UTC); durations are seconds (`_s`) or milliseconds (`_ms`).
 * Keep this module in step with docs/API.md: the fixtures in src/test/fixtures are checked
 * against that document by scripts/check-fixtures.mjs.
 */

/** Where the supervised backend is in its life cycle. */
export type WatchdogState =
  | "stopped"
  | "starting"
  | "healthy"
  | "degraded"
  | "unhealthy"
  | "stopping"
  | "backoff"
  | "gave_up"
  | "blocked"
  | "paused";

/** The colour group of a state: ok green, warn yellow, fail red, idle grey. */
export type Health = "ok" | "warn" | "fail" | "idle";

export type EventLevel = "debug" | "info" | "warning" | "error" | "critical";

export type EventName =
  | "starting"
  | "healthy"
  | "recovered"
  | "degraded"
  | "check_failed"
  | "hung"
  | "exited"
  | "stopping"
  | "stopped"
  | "killed"
  | "backoff"
  | "gave_up"
  | "blocked"
  | "paused"
  | "resumed"
  | "stale_replaced"
  | "budget_restored"
  | "stats"
  | "log_error"
  | "warning"
  | "warning_cleared"
  | "incident";

export type Reason =
  | "user"
  | "startup"
  | "exit_code"
  | "signal"
  | "timeout"
  | "connection_refused"
  | "connection_error"
  | "http_status"
  | "bad_response"
  | "dependency"
  | "check_passed"
  | "hang"
  | "startup_grace"
  | "port_in_use"
  | "spawn_failed"
  | "restart_limit"
  | "cooldown"
  | "stop_timeout"
  | "stable"
  | "shutdown"
  | "stats"
  | "log_io"
  | "early_warning"
  | "rss_limit"
  | "scheduled";

/** The process that holds the backend's port when it is not our child. */
export interface PortHolder {
  port: number;
  pid: number | null;
  name: string | null;
  /** A backend left behind by an earlier run of ERP Guardian. */
  ours: boolean;
}

/** An early-warning rule that fired and has not cleared yet. */
export interface ActiveWarning {
  rule: string;
  title: string;
  value: number;
  threshold: number;
  unit: string;
  hint: string;
  since: string;
}

/** `GET /api/watchdog/status`: the supervisor's snapshot. */
export interface WatchdogSnapshot {
  state: WatchdogState;
  health: Health;
  detail: string;
  pid: number | null;
  health_url: string;
  started_at: string | null;
  uptime_s: number | null;
  restart_count: number;
  attempt: number;
  max_restarts: number;
  consecutive_failures: number;
  failure_threshold: number;
  last_failure_at: string | null;
  last_failure_reason: Reason | null;
  last_failure_detail: string | null;
  last_check_at: string | null;
  last_check_latency_ms: number | null;
  next_check_at: string | null;
  /** When a backoff ends or the retry after giving up happens. */
  next_start_at: string | null;
  port_holder: PortHolder | null;
  /** The last /health "status" value ("ok", "degraded"). */
  backend_status: string | null;
  time: string;
  /** Early warnings in force; empty when all is well. */
  warnings: ActiveWarning[];
}

/** One thing the watchdog did or saw. */
export interface WatchdogEvent {
  event: EventName;
  level: EventLevel;
  state: WatchdogState;
  previous: WatchdogState | null;
  reason: Reason;
  detail: string;
  time: string;
  pid: number | null;
  attempt: number;
  outage_s: number | null;
  latency_ms: number | null;
  exit_code: number | null;
  data: Record<string, unknown>;
}

/** `GET /api/watchdog/events?limit=N`, newest last. */
export interface WatchdogEvents {
  events: WatchdogEvent[];
}

/** One line of `GET /api/watchdog/incidents`: an outage (crash, hang, gave up). */
export interface IncidentSummary {
  id: string;
  started_at: string;
  reason: Reason;
  recovered: boolean;
  /** How long recovery took; null when the backend did not come back. */
  recovery_s: number | null;
  detail: string;
}

/** `GET /api/watchdog/incidents?limit=N`, oldest first. */
export interface WatchdogIncidents {
  incidents: IncidentSummary[];
}

/** `GET /api/watchdog/incidents/{id}`: what the engine saw of one outage. */
export interface IncidentReport {
  id: string;
  reason: Reason;
  detail: string;
  started_at: string;
  ended_at: string | null;
  recovered: boolean;
  recovery_s: number | null;
  timeline: WatchdogEvent[];
  /** The backend's last output lines before the failure (a hung one's stack dump included). */
  backend_output_tail: string[];
  /** System and backend figures from just before the failure; null where not measured. */
  figures_before: Record<string, number | string | null>;
}

/** The watchdog actions that need the per-run token. */
export type WatchdogAction = "restart" | "stop" | "start";

/** 202 answer of `POST /api/watchdog/{action}`. */
export interface ActionAccepted {
  accepted: boolean;
  action: WatchdogAction;
}

export interface MemoryInfo {
  total_bytes: number;
  available_bytes: number;
  used_bytes: number;
  percent: number;
}

export interface SwapInfo {
  total_bytes: number;
  used_bytes: number;
  percent: number;
}

export interface DiskInfo {
  path: string;
  total_bytes: number;
  used_bytes: number;
  free_bytes: number;
  percent: number;
}

export interface SystemInfo {
  hostname: string;
  os: string;
  platform: string;
  boot_time: string;
  cpu_percent: number;
  cpu_per_core: number[];
  cpu_count: number;
  /** null where the OS has none (Windows). */
  load_average: number[] | null;
  memory: MemoryInfo;
  /** null when the figure could not be read (see BackendStatus.errors). */
  swap: SwapInfo | null;
  /** null when the figure could not be read (see BackendStatus.errors). */
  disk: DiskInfo | null;
}

export interface ProcessInfo {
  pid: number;
  started_at: string;
  uptime_s: number;
  rss_bytes: number;
  cpu_percent: number;
  threads: number;
  /** null where the OS refuses to list them. */
  open_files: number | null;
  python_version: string;
  app_version: string;
}

export interface TableInfo {
  name: string;
  rows: number;
}

export interface IntegrityInfo {
  ok: boolean;
  result: string;
  checked_at: string;
}

export interface DatabaseInfo {
  path: string;
  /** File plus WAL. */
  size_bytes: number;
  file_bytes: number;
  wal_bytes: number;
  sqlite_version: string;
  /** This and the following figures are null (tables empty) when the database could not be read. */
  journal_mode: string | null;
  page_size: number | null;
  page_count: number | null;
  tables: TableInfo[];
  query_latency_ms: number | null;
  integrity: IntegrityInfo | null;
  /** A message when the database could not be read. */
  error: string | null;
}

export interface CacheInfo {
  computed_at: string;
  age_s: number;
  ttl_s: number;
  hits: number;
  misses: number;
  /** How long computing these figures took. */
  compute_ms: number;
}

/** `GET /api/backend/status`: the backend's /api/v1/system/status, proxied. */
export interface BackendStatus {
  system: SystemInfo;
  process: ProcessInfo;
  database: DatabaseInfo;
  /** Figures that could not be read, e.g. "system.disk: PermissionError: ...". */
  errors: string[];
  cache: CacheInfo;
}

/** `POST /api/backend/reset-cache`. */
export interface ResetCacheResult {
  reset: boolean;
  message: string;
}

/** Every error answer: `{"detail": "..."}`. */
export interface ErrorBody {
  detail: string;
}
