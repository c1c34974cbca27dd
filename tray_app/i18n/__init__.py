"""Which language ERP Guardian speaks: plain Python, shared by the tray, the console and tests."""
