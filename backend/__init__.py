"""The guarded ERP backend: a FastAPI app on uvicorn with a small SQLite ERP database."""

__version__ = "0.1.0"
