"""ERP Guardian's status API for any FastAPI + SQLite app.

    from erp_guardian_status import status_router
    app.include_router(status_router(database="C:/ERP/data/erp.db"))

Importing this package builds nothing and starts nothing; the routes set themselves up at
their first request.
"""

from erp_guardian_status.checks import CheckOutcome, HealthCheck
from erp_guardian_status.router import status_router

__version__ = "0.1.0"

__all__ = ["CheckOutcome", "HealthCheck", "__version__", "status_router"]
