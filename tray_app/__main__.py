"""`python -m tray_app` is `erp-guardian`."""

import sys

from tray_app.cli import main

sys.exit(main())
