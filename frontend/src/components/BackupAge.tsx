/**
 * One line about the database's backups: the age of the newest good one, in the warning colour
 * once it is older than the guardian's limit (warn_backup_age_h), with the limit in words so the
 * colour is not the only sign. Restoring is not offered here: that is the tray's job.
 */
import Alert from "@mui/material/Alert";
import Typography from "@mui/material/Typography";
import type { WatchdogBackups } from "../api/types";
import { formatAgo, formatNumber } from "../format/format";
import { t } from "../i18n/messages";

const HOUR_S = 3600;

function Line({ text }: { text: string }) {
  return (
    <Typography variant="body2" color="text.secondary" data-testid="backup-age">
      {text}
    </Typography>
  );
}

export function BackupAge({ backups }: { backups: WatchdogBackups | null }) {
  if (backups === null) return null; // not answered yet, or a guardian without the route
  const age = backups.last_good_age_s;
  const limit = backups.warn_age_s;
  // None at all on a new install is no alarm: the daily backup comes, the engine warns if not.
  if (age === null && backups.backups.length === 0) return <Line text={t("backups.none")} />;
  if (age !== null && (limit === null || age <= limit)) {
    return <Line text={t("backups.lastGood", { ago: formatAgo(age) })} />;
  }
  const text =
    age === null
      ? t("backups.noneGood")
      : t("backups.tooOld", {
          ago: formatAgo(age),
          hours: formatNumber((limit ?? 0) / HOUR_S),
        });
  return (
    <Alert severity="warning" data-testid="backup-age" sx={{ py: 0 }}>
      {text}
    </Alert>
  );
}
