"""Adding, checking and looking after eTIMS devices, their keys and their outbox."""
