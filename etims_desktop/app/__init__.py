"""The application layer: use cases the window and the CLI share, each a small class whose
dependencies are typed (Protocols where a test or a second caller needs another implementation),
built once in bootstrap.build_services. A widget is given the one use case it works with.

sales.py (record, price), importer.py, credit_notes.py, receipts.py, sales_query.py (the Sales tab's
list), items.py (the item master), devices.py (add, initialise, remove), device_outbox.py (a device's
page), outbox_actions.py (a person's answer to a stuck sale), board.py, keys.py (where CMC keys are
kept), settings.py (the Settings dialog), restore.py (back up and restore), golive.py (KRA's
certification flow). The engine they drive is sync/.
"""
