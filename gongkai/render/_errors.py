"""The error the renderers raise: a document that cannot be produced from what was given."""

from __future__ import annotations

from gongkai.errors import GongkaiError


class RenderError(GongkaiError):
    """A rendering was refused. ``kind`` is the letter kind, ``field`` the missing input.

    The message (Chinese) says what is missing and how to supply it.
    """

    def __init__(self, message: str, *, kind: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.field = field
