/** The backend answers, but /health says a dependency (the database) fails. */
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import type { BackendStatus, WatchdogSnapshot } from "../api/types";
import { engineText } from "../i18n/engineText";
import { t } from "../i18n/messages";

export function DegradedNotice(props: {
  snapshot: WatchdogSnapshot | null;
  backend: BackendStatus | null;
}) {
  const { snapshot, backend } = props;
  // The database's own error says most; the watchdog's detail is the fallback.
  const error = backend?.database.error;
  const lines = error ? [t("degraded.databaseError", { detail: error })] : [snapshot ? engineText(snapshot.message, snapshot.detail) : ""];
  return (
    <Alert severity="warning" role="status">
      <AlertTitle>{t("degraded.title")}</AlertTitle>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </Alert>
  );
}
