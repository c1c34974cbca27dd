/**
 * The page's names for the JSON shapes of the two APIs it reads. The shapes themselves are
 * generated from the servers' OpenAPI documents (src/api/generated, made by
 * scripts/gen_api_types.py from the response models): the guardian's web app
 * (tray_app/web/schemas.py) and the bundled backend, whose status the guardian passes through.
 * docs/API.md explains them for people.
 *
 * Time stamps are ISO 8601 strings (UTC); durations are seconds (`_s`) or milliseconds (`_ms`).
 */
import type { components as backend } from "./generated/backend";
import type { components as guardian } from "./generated/guardian";

type Guardian = guardian["schemas"];
type Backend = backend["schemas"];

/** Where the supervised backend is in its life cycle. */
export type WatchdogState = Guardian["State"];
/** The colour group of a state: ok green, warn yellow, fail red, idle grey. */
export type Health = Guardian["Health"];
export type EventLevel = Guardian["Level"];
export type EventName = Guardian["EventName"];
export type Reason = Guardian["Reason"];
/** What a person can ask of the watchdog; each has a route that needs the per-run token. */
export type UserCommand = Guardian["UserCommand"];
/** The commands the page sends are the user commands. */
export type WatchdogAction = UserCommand;

export type PortHolder = Guardian["PortHolder"];
export type ActiveWarning = Guardian["ActiveWarning"];
/** `GET /api/watchdog/status`: the supervisor's snapshot. */
export type WatchdogSnapshot = Guardian["WatchdogStatus"];
/** One thing the watchdog did or saw. */
export type WatchdogEvent = Guardian["WatchdogEvent"];
/** `GET /api/watchdog/events?limit=N`, newest last. */
export type WatchdogEvents = Guardian["WatchdogEvents"];
/** One line of `GET /api/watchdog/incidents`: an outage (crash, hang, gave up). */
export type IncidentSummary = Guardian["IncidentSummary"];
/** `GET /api/watchdog/incidents?limit=N`, oldest first. */
export type WatchdogIncidents = Guardian["WatchdogIncidents"];
/** `GET /api/watchdog/incidents/{id}`: what the engine saw of one outage. */
export type IncidentReport = Guardian["IncidentReport"];
/** One backup copy of the ERP's database. */
export type BackupEntry = Guardian["BackupEntry"];
/** `GET /api/watchdog/backups`: the backups (read-only) and the age of the newest good one. */
export type WatchdogBackups = Guardian["WatchdogBackups"];
/** 202 answer of `POST /api/watchdog/{command}`. */
export type ActionAccepted = Guardian["ActionAccepted"];
/** Every error answer but 422: `{"detail": "..."}`. */
export type ErrorBody = Guardian["ErrorDetail"];

export type MemoryInfo = Backend["MemoryInfo"];
export type SwapInfo = Backend["SwapInfo"];
export type DiskInfo = Backend["DiskInfo"];
export type SystemInfo = Backend["SystemInfo"];
export type ProcessInfo = Backend["ProcessInfo"];
export type TableInfo = Backend["TableInfo"];
export type IntegrityInfo = Backend["IntegrityInfo"];
export type DatabaseInfo = Backend["DatabaseInfo"];
export type CacheInfo = Backend["CacheInfo"];
/** `GET /api/backend/status`: the backend's /api/v1/system/status, passed through. */
export type BackendStatus = Backend["SystemStatus"];
/** `POST /api/backend/reset-cache`. */
export type ResetCacheResult = Backend["ResetCacheResponse"];
