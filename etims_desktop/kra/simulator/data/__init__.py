"""Seed data of the practice KRA: code tables, item classes, taxpayers and notices (JSON)."""
