"""The guardian's log files: writing them (one writer per file) and reading them back."""
