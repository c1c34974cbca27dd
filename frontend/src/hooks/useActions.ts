/** The page's buttons that change something: watchdog actions (token) and the cache reset. */
import { useCallback, useState } from "react";
import { ApiError, resetBackendCache, sendWatchdogAction } from "../api/client";
import type { WatchdogAction } from "../api/types";
import { t } from "../i18n/messages";

export interface ActionFeedback {
  severity: "success" | "error";
  text: string;
}

function failureText(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) return t("actions.forbidden");
  const detail = error instanceof ApiError ? error.detail : String(error);
  return t("actions.failed", { detail });
}

/** `afterAction` runs once an action ended, to show its effect without waiting for a poll. */
export function useActions(token: string | null, afterAction: () => void) {
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<ActionFeedback | null>(null);

  const perform = useCallback(
    async (call: () => Promise<unknown>, successText: string) => {
      setBusy(true);
      try {
        await call();
        setFeedback({ severity: "success", text: successText });
      } catch (error) {
        setFeedback({ severity: "error", text: failureText(error) });
      } finally {
        setBusy(false);
        afterAction();
      }
    },
    [afterAction],
  );

  const runWatchdogAction = useCallback(
    (action: WatchdogAction) => {
      if (!token) return;
      void perform(() => sendWatchdogAction(action, token), t(`actions.accepted.${action}`));
    },
    [perform, token],
  );

  const resetCache = useCallback(() => {
    void perform(resetBackendCache, t("actions.resetDone"));
  }, [perform]);

  const clearFeedback = useCallback(() => setFeedback(null), []);

  return { busy, feedback, runWatchdogAction, resetCache, clearFeedback };
}
