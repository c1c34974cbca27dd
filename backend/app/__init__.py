"""The backend application: settings, app factory, routes, services."""
