/** The backend's figures: history charts, CPU, memory, disk, database and its process. */
import Grid from "@mui/material/Grid";
import Stack from "@mui/material/Stack";
import type { BackendStatus } from "../api/types";
import type { Sample } from "../status/history";
import { CpuCard } from "./CpuCard";
import { DatabaseCard } from "./DatabaseCard";
import { DiskCard } from "./DiskCard";
import { FigureErrors } from "./FigureErrors";
import { HistoryCard } from "./HistoryCard";
import { MemoryCard } from "./MemoryCard";
import { ProcessCard } from "./ProcessCard";
import { Stale } from "./Stale";

interface BackendFiguresProps {
  backend: BackendStatus;
  history: readonly Sample[];
  /** The backend stopped answering: these are its last figures. */
  stale: boolean;
  since: number | null;
}

export function BackendFigures({ backend, history, stale, since }: BackendFiguresProps) {
  return (
    <Stack spacing={2}>
      <HistoryCard history={history} />
      {stale ? null : <FigureErrors errors={backend.errors} />}
      <Stale stale={stale} since={since}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <CpuCard system={backend.system} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            {/* Each card starts from its own content's height and they share what is left;
                their own height: 100% would give each half the column and clip the taller. */}
            <Stack
              spacing={2}
              sx={{ height: "100%", "& > .MuiCard-root": { flex: "1 1 auto", height: "auto" } }}
            >
              <MemoryCard system={backend.system} />
              <DiskCard disk={backend.system.disk} />
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DatabaseCard database={backend.database} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <ProcessCard status={backend} />
          </Grid>
        </Grid>
      </Stale>
    </Stack>
  );
}
