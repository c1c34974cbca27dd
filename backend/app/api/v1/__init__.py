"""Version 1 of the backend API."""
