/**
 * Options the page takes from its own URL: `?token=` (the tray app's per-run token),
 * `?interval=SECONDS` (polling) and `?lang=` (overrides the browser's language).
 */

export const DEFAULT_INTERVAL_S = 2;
export const INTERVAL_CHOICES_S = [1, 2, 5, 10, 30, 60] as const;
const MIN_INTERVAL_S = 0.5;
const MAX_INTERVAL_S = 3600;

export interface PageParams {
  token: string | null;
  intervalS: number;
  lang: string | null;
}

/** A bad or missing interval falls back to the default rather than hammering the server. */
export function parseInterval(raw: string | null): number {
  if (raw === null || raw.trim() === "") return DEFAULT_INTERVAL_S;
  const value = Number(raw);
  if (!Number.isFinite(value)) return DEFAULT_INTERVAL_S;
  return Math.min(MAX_INTERVAL_S, Math.max(MIN_INTERVAL_S, value));
}

export function readPageParams(search: string): PageParams {
  const params = new URLSearchParams(search);
  const token = params.get("token");
  return {
    token: token ? token : null,
    intervalS: parseInterval(params.get("interval")),
    lang: params.get("lang"),
  };
}

/**
 * Removes `token` from the address bar, so that a bookmark or a copied link does not carry it.
 * The page keeps the token in memory for as long as it is open.
 */
export function removeTokenFromAddressBar(win: Window = window): void {
  const url = new URL(win.location.href);
  if (!url.searchParams.has("token")) return;
  url.searchParams.delete("token");
  win.history.replaceState(win.history.state, "", url.pathname + url.search + url.hash);
}

/** Keeps `?interval=` in step with the selector, so a reload keeps the user's choice. */
export function writeIntervalToAddressBar(seconds: number, win: Window = window): void {
  const url = new URL(win.location.href);
  url.searchParams.set("interval", String(seconds));
  win.history.replaceState(win.history.state, "", url.pathname + url.search + url.hash);
}
