"""The reader: any published annual report into its record (see ``api.read``)."""

from gongkai import native

native.guard()  # (before any compiled module is imported: see gongkai.native)

from gongkai.reader.api import read  # noqa: E402

__all__ = ["read"]
