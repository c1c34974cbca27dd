"""Route modules of API v1."""
