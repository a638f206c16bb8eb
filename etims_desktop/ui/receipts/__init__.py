"""Receipts: drawing, previewing, printing and the printer settings."""
