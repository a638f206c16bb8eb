"""The composition root: builds the services (store, keyring, KRA client, sync engine) once."""
