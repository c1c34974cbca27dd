/** The backend process and the machine it runs on. */
import type { BackendStatus } from "../api/types";
import { formatBytes, formatDecimal, formatDuration, formatNumber } from "../format/format";
import { t } from "../i18n/messages";
import { FactList } from "./FactList";
import { StatusCard } from "./StatusCard";

export function ProcessCard({ status }: { status: BackendStatus }) {
  const { system, process, cache } = status;
  return (
    <StatusCard title={t("process.title")}>
      <FactList
        facts={[
          { label: t("process.host"), value: `${system.hostname} · ${system.os}` },
          {
            label: t("process.version"),
            value: `${process.app_version} · Python ${process.python_version}`,
          },
          { label: t("watchdog.pid"), value: String(process.pid) },
          { label: t("process.uptime"), value: formatDuration(process.uptime_s) },
          { label: t("process.memory"), value: formatBytes(process.rss_bytes) },
          { label: t("process.threads"), value: formatNumber(process.threads) },
          {
            label: t("process.cache"),
            value: t("process.cacheAge", { age: `${formatDecimal(cache.age_s, 1)} s` }),
          },
        ]}
      />
    </StatusCard>
  );
}
