"""The application layer: use cases the window and the CLI share, each a small class whose
dependencies are typed Protocols, built once in bootstrap.build_services.

So far: the board query (board.py) and the outbox actions a person takes on one sale
(outbox_actions.py). The others still live in sync/ (sales.py, devices.py, items.py, importer.py,
receipts.py, backups.py); see docs/ARCHITECTURE.md.
"""
