"""ERP Guardian: keeps a single-workstation ERP backend running."""

__version__ = "0.1.0"
