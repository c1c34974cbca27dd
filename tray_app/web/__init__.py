"""The supervisor's own web server: the status page and the watchdog's API, in-process."""
