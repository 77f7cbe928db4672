"""The staff's review and correction web app (FastAPI, server-rendered pages)."""
