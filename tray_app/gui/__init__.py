"""The Qt tray app: a thin layer over the plain-Python watchdog engine.

Nothing here runs at import; `tray_app.gui.app.run_tray` is the entry point.
"""
