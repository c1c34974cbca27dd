"""Pure ASGI middleware: cheap checks and logging around every request."""
