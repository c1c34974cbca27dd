/** Overall and per-core CPU load of the machine. */
import Typography from "@mui/material/Typography";
import type { SystemInfo } from "../api/types";
import { formatDecimal, formatNumber } from "../format/format";
import { t } from "../i18n/messages";
import { StatusCard } from "./StatusCard";
import { UsageBar } from "./UsageBar";

export function CpuCard({ system }: { system: SystemInfo }) {
  const load = system.load_average?.map((value) => formatDecimal(value)).join(" · ");
  return (
    <StatusCard
      title={t("cpu.title")}
      aside={
        <Typography variant="caption" color="text.secondary">
          {t("cpu.cores", { count: formatNumber(system.cpu_count) })}
        </Typography>
      }
    >
      <UsageBar label={t("cpu.overall")} percent={system.cpu_percent} />
      {system.cpu_per_core.map((percent, index) => (
        <UsageBar
          // Cores have no identity other than their position.
          key={index}
          dense
          label={t("cpu.core", { index: index + 1 })}
          percent={percent}
        />
      ))}
      {load ? (
        <Typography variant="caption" color="text.secondary">
          {t("cpu.load", { values: load })}
        </Typography>
      ) : null}
    </StatusCard>
  );
}
