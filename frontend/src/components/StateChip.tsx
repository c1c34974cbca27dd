/** The watchdog state as a coloured chip with an icon for its health group. */
import Chip from "@mui/material/Chip";
import type { Health, WatchdogState } from "../api/types";
import { t } from "../i18n/messages";
import { HEALTH_STYLES } from "../status/healthStyle";

export function StateChip({ state, health }: { state: WatchdogState; health: Health }) {
  const { color, Icon } = HEALTH_STYLES[health];
  return (
    <Chip
      color={color}
      icon={<Icon />}
      label={t(`state.${state}`)}
      data-health={health}
      sx={{ fontWeight: 600 }}
    />
  );
}
