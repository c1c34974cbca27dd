/** RAM and swap in use. */
import Typography from "@mui/material/Typography";
import type { SwapInfo, SystemInfo } from "../api/types";
import { formatBytes } from "../format/format";
import { t } from "../i18n/messages";
import { StatusCard } from "./StatusCard";
import { UsageBar } from "./UsageBar";

function Swap({ swap }: { swap: SwapInfo | null }) {
  if (swap === null || swap.total_bytes === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {swap === null
          ? `${t("memory.swap")}: ${t("figures.unavailable")}`
          : t("memory.noSwap")}
      </Typography>
    );
  }
  return (
    <UsageBar
      label={t("memory.swap")}
      percent={swap.percent}
      detail={t("memory.usedOf", {
        used: formatBytes(swap.used_bytes),
        total: formatBytes(swap.total_bytes),
      })}
    />
  );
}

export function MemoryCard({ system }: { system: SystemInfo }) {
  const { memory } = system;
  return (
    <StatusCard title={t("memory.title")}>
      <UsageBar
        label={t("memory.ram")}
        percent={memory.percent}
        detail={t("memory.usedOf", {
          used: formatBytes(memory.used_bytes),
          total: formatBytes(memory.total_bytes),
        })}
      />
      <Swap swap={system.swap} />
    </StatusCard>
  );
}
