"""Figures for the engines IT already runs: Prometheus' /metrics, an exporter's textfile and an
Uptime Kuma push. Reads the engine (snapshot, events); changes nothing in it."""
