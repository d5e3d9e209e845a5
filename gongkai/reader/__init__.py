"""The reader: any published annual report into its record (see ``api.read``)."""

from gongkai.reader.api import read

__all__ = ["read"]
