"""`python -m backend ...` runs the backend (see backend.cli)."""

from backend.cli import main

raise SystemExit(main())
