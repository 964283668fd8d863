"""The Qt window. Views and thin adapters over ``core``; no rules, no arithmetic here."""
