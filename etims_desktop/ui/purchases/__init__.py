"""Suppliers' invoices, customs imports and declared purchases."""
