"""Receipts on ESC/POS thermal printers (58 and 80 mm; USB, network port 9100, serial): the byte stream
built from a ReceiptView, the printer connections, and the printer and receipt-rule settings.

Qt-free (import-linter contract): the window only triggers a print and shows the outcome. Printing I/O
runs off the GUI thread (`print_job.print_bytes`); a print failure never touches the sale.
"""
