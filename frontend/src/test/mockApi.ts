/**
 * A stand-in for the supervisor's web server inside the test: `fetch` answers from fixtures,
 * each route can be changed between polls, and every call is recorded.
 */
import { vi } from "vitest";
import backendStatus from "./fixtures/backend-status.json";
import watchdogEvents from "./fixtures/watchdog-events.json";
import watchdogHealthy from "./fixtures/watchdog-status-healthy.json";

/** A JSON answer, a network failure ("offline"), or an answer that never comes ("pending"). */
export type Answer = { status: number; body: unknown } | "offline" | "pending";
/** An answer, or a function that picks one at the time of each request. */
export type Route = Answer | (() => Answer);

export interface RecordedCall {
  path: string;
  method: string;
  headers: Record<string, string>;
}

export const ok = (body: unknown): Answer => ({ status: 200, body });

export const BACKEND_DOWN: Answer = {
  status: 503,
  body: { detail: "backend unreachable: connection refused" },
};

export function installMockApi(initial: Record<string, Route> = {}) {
  const routes: Record<string, Route> = {
    "/api/watchdog/status": ok(watchdogHealthy),
    "/api/watchdog/events": ok(watchdogEvents),
    "/api/backend/status": ok(backendStatus),
    "/api/watchdog/incidents": ok({ incidents: [] }),
    "/api/backend/reset-cache": ok({ reset: true, message: "status cache cleared" }),
    "/api/watchdog/restart": { status: 202, body: { accepted: true, action: "restart" } },
    "/api/watchdog/stop": { status: 202, body: { accepted: true, action: "stop" } },
    "/api/watchdog/start": { status: 202, body: { accepted: true, action: "start" } },
    ...initial,
  };
  const calls: RecordedCall[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://127.0.0.1:8766");
    calls.push({
      path: url.pathname + url.search,
      method: init?.method ?? "GET",
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
    });
    const given = routes[url.pathname];
    const route = typeof given === "function" ? given() : given;
    if (route === undefined) return new Response('{"detail":"Not Found"}', { status: 404 });
    if (route === "offline") throw new TypeError("Failed to fetch");
    if (route === "pending") return new Promise<Response>(() => {});
    return new Response(JSON.stringify(route.body), {
      status: route.status,
      headers: { "Content-Type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", fetchMock);

  return {
    calls,
    setRoute(path: string, route: Route) {
      routes[path] = route;
    },
    /** The calls that went to `path` (without query string). */
    callsTo(path: string) {
      return calls.filter((call) => call.path.split("?")[0] === path);
    },
  };
}
