/**
 * The one place that maps a health group to a colour and an icon. An icon per group means the
 * colour is never the only sign (colour-blind users, black-and-white prints).
 */
import CheckCircleIcon from "@mui/icons-material/CheckCircle";
import ErrorIcon from "@mui/icons-material/Error";
import PauseCircleIcon from "@mui/icons-material/PauseCircle";
import WarningIcon from "@mui/icons-material/Warning";
import type { SvgIconComponent } from "@mui/icons-material";
import type { Health } from "../api/types";

export type HealthColor = "success" | "warning" | "error" | "default";

export interface HealthStyle {
  color: HealthColor;
  /** The matching MUI Alert severity, for banners of the same group. */
  severity: "success" | "warning" | "error" | "info";
  Icon: SvgIconComponent;
}

export const HEALTH_STYLES: Record<Health, HealthStyle> = {
  ok: { color: "success", severity: "success", Icon: CheckCircleIcon },
  warn: { color: "warning", severity: "warning", Icon: WarningIcon },
  fail: { color: "error", severity: "error", Icon: ErrorIcon },
  idle: { color: "default", severity: "info", Icon: PauseCircleIcon },
};
