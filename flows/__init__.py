"""Entry points: the CLI and Prefect flows that wire pipeline steps together."""
