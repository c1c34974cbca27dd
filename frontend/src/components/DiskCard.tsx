/** The disk that holds the database. */
import Typography from "@mui/material/Typography";
import type { DiskInfo } from "../api/types";
import { formatBytes } from "../format/format";
import { t } from "../i18n/messages";
import { StatusCard } from "./StatusCard";
import { UsageBar } from "./UsageBar";

export function DiskCard({ disk }: { disk: DiskInfo | null }) {
  return (
    <StatusCard title={t("disk.title")}>
      {disk ? (
        <>
          <UsageBar
            label={disk.path}
            percent={disk.percent}
            detail={t("memory.usedOf", {
              used: formatBytes(disk.used_bytes),
              total: formatBytes(disk.total_bytes),
            })}
          />
          <Typography variant="body2" color="text.secondary">
            {t("disk.free", { free: formatBytes(disk.free_bytes) })}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t("figures.unavailable")}
        </Typography>
      )}
    </StatusCard>
  );
}
