/**
 * Polls the guardian's backup list once a minute (backups are daily; the age on the page is
 * in minutes at best) and keeps the last answer, so a missed request does not blank the line.
 */
import { useCallback, useState } from "react";
import { fetchBackups } from "../api/client";
import type { WatchdogBackups } from "../api/types";
import { usePolling } from "./usePolling";

export const BACKUPS_EVERY_MS = 60_000;

export function useBackups(intervalMs: number = BACKUPS_EVERY_MS): WatchdogBackups | null {
  const [backups, setBackups] = useState<WatchdogBackups | null>(null);
  const poll = useCallback(async (signal: AbortSignal) => {
    try {
      const answer = await fetchBackups(signal);
      if (!signal.aborted) setBackups(answer);
    } catch {
      // An older guardian without the route, or no answer: the line keeps what it had.
    }
  }, []);
  usePolling(poll, intervalMs);
  return backups;
}
