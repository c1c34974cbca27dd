/** A titled card, the frame of every block on the page. */
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";

interface StatusCardProps {
  title: string;
  /** Shown at the right of the title, e.g. a chip or a short figure. */
  aside?: ReactNode;
  children: ReactNode;
}

export function StatusCard({ title, aside, children }: StatusCardProps) {
  return (
    <Card variant="outlined" component="section" aria-label={title} sx={{ height: "100%" }}>
      <CardContent>
        <Typography
          variant="subtitle1"
          component="h2"
          sx={{ display: "flex", alignItems: "center", gap: 1, mb: 1.5, fontWeight: 600 }}
        >
          <span>{title}</span>
          {aside ? <span style={{ marginLeft: "auto" }}>{aside}</span> : null}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}
