"""Selling: the Sales tab, the sale and credit-note dialogs, importing sales."""
