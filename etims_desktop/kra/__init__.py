"""The eTIMS wire protocol: async client, typed models, result codes, environments. Qt-free."""
