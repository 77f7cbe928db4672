"""Expected storage problems, each with a one-line message a user can act on.

The CLI prints `error: <message>` and exits with `exit_code`; nothing here carries a traceback
to the user. Code 2 means the run could not start (configuration, schema, unknown document,
bad input), code 1 means an operation failed and may succeed when retried.
"""
from __future__ import annotations


class StorageError(Exception):
    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DatabaseUnavailable(StorageError):
    """The database cannot be reached or opened."""

    exit_code = 2


class MigrationError(StorageError):
    """The schema could not be brought up to date; the database was left as it was."""

    exit_code = 2


class NotFound(StorageError):
    exit_code = 2


class InvalidInput(StorageError):
    """Something a person typed (a search, a field path, a value) that cannot be used."""

    exit_code = 2


class InvalidCorrection(InvalidInput):
    """A field path or value a person typed does not fit the record."""


class ConflictError(StorageError):
    """Someone else changed the record since it was read: re-read it and try again."""


class StorageFull(StorageError):
    """The disk (or the database file) is full; what was being written was rolled back."""


class Duplicate(StorageError):
    """A unique key was taken by a concurrent writer (the repository decides what that means)."""


class NoArchive(StorageError):
    """A command that only reads was run where no archive exists yet: it creates none."""

    exit_code = 2
