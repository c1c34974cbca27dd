/** The ERP database: size with its WAL, tables with row counts, query latency, integrity. */
import Alert from "@mui/material/Alert";
import Chip from "@mui/material/Chip";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import CheckIcon from "@mui/icons-material/Check";
import CloseIcon from "@mui/icons-material/Close";
import type { DatabaseInfo } from "../api/types";
import { formatBytes, formatDateTime, formatMs, formatNumber } from "../format/format";
import { t } from "../i18n/messages";
import { FactList } from "./FactList";
import { StatusCard } from "./StatusCard";

function IntegrityChip({ database }: { database: DatabaseInfo }) {
  if (!database.integrity) return null;
  const { ok, result } = database.integrity;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={ok ? "success" : "error"}
      icon={ok ? <CheckIcon /> : <CloseIcon />}
      label={ok ? t("database.integrityOk") : t("database.integrityFailed", { result })}
    />
  );
}

function TablesTable({ database }: { database: DatabaseInfo }) {
  if (database.tables.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t("database.noTables")}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={t("database.title")}>
      <TableHead>
        <TableRow>
          <TableCell>{t("database.table")}</TableCell>
          <TableCell align="right">{t("database.rows")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {database.tables.map((table) => (
          <TableRow key={table.name}>
            <TableCell>{table.name}</TableCell>
            <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
              {formatNumber(table.rows)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function DatabaseCard({ database }: { database: DatabaseInfo }) {
  const unknown = t("watchdog.none");
  const sqlite = [database.sqlite_version, database.journal_mode].filter(Boolean).join(" · ");
  return (
    <StatusCard title={t("database.title")} aside={<IntegrityChip database={database} />}>
      {database.error ? (
        <Alert severity="error" sx={{ mb: 1.5 }}>
          {t("database.error", { detail: database.error })}
        </Alert>
      ) : null}
      <FactList
        facts={[
          {
            label: t("database.size"),
            value: `${formatBytes(database.size_bytes)} (${t("database.sizeDetail", {
              file: formatBytes(database.file_bytes),
              wal: formatBytes(database.wal_bytes),
            })})`,
          },
          {
            label: t("database.latency"),
            value:
              database.query_latency_ms === null ? unknown : formatMs(database.query_latency_ms),
          },
          {
            label: t("database.integrity"),
            value: database.integrity
              ? t("database.checkedAt", { time: formatDateTime(database.integrity.checked_at) })
              : unknown,
          },
          { label: "SQLite", value: sqlite },
        ]}
      />
      <Typography
        variant="caption"
        color="text.secondary"
        component="p"
        sx={{ mt: 1, mb: 1, overflowWrap: "anywhere" }}
      >
        {database.path}
      </Typography>
      <TablesTable database={database} />
    </StatusCard>
  );
}
