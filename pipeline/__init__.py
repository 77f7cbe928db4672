"""Turn emulation-meeting reports into records: documents, readers, normalisation, storage."""
