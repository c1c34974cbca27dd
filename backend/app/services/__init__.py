"""Plain-Python services: collectors, caches, database access. No FastAPI imports here."""
