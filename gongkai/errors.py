"""The errors gongkai raises. Findings about a report are data (``Finding``), never errors.

    GongkaiError                 anything gongkai refuses to do, with a Chinese message
    ├── InputError               an input cannot be read (carries ``path``)
    │   ├── EmptyInputError      the file is empty or has no text
    │   ├── EncodingError        the bytes cannot be decoded
    │   ├── UnsupportedInputError the kind of file is not one we read
    │   ├── InputTooLargeError   over the size limit
    │   ├── CorruptInputError    a DOCX/PDF that is broken, or a zip bomb
    │   └── NoTextLayerError     a scanned PDF without a text layer
    └── CalendarError            a working-day computation needs calendar data we do not have

Every message says what is wrong and what to do, in Simplified Chinese.
"""

from __future__ import annotations


class GongkaiError(Exception):
    """Base class. ``str(error)`` is the Chinese message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(GongkaiError):
    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class EmptyInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class UnsupportedInputError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class CorruptInputError(InputError):
    pass


class NoTextLayerError(InputError):
    pass


class CalendarError(GongkaiError):
    """Raised when a date falls in a year the working-day calendar has no data for."""

    def __init__(self, message: str, year: int | None = None) -> None:
        super().__init__(message)
        self.year = year
