/** Lists the figures the backend could not read; the others are still shown. */
import Alert from "@mui/material/Alert";
import AlertTitle from "@mui/material/AlertTitle";
import { t } from "../i18n/messages";

export function FigureErrors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <Alert severity="info">
      <AlertTitle>{t("figures.errors")}</AlertTitle>
      {errors.map((line) => (
        <div key={line} style={{ overflowWrap: "anywhere" }}>
          {line}
        </div>
      ))}
    </Alert>
  );
}
