"""One error tree. The CLI turns any ``FramingError`` into a one-line message and exit code.

    FramingError
    ├── InputError            the input cannot be read as an article
    │   ├── SourceNotFound    a path that does not exist
    │   ├── EmptyArticle      empty, or whitespace only, or no body left
    │   ├── BinaryInput       looks like a binary file, not text
    │   ├── TooLarge          over the size limit
    │   ├── FetchError        a URL could not be fetched: DNS, refused, timeout, HTTP status,
    │   │                     too many redirects, not HTML, not http(s), offline
    │   └── LexiconError      a lexicon file (packaged or the user's) has a malformed row
    ├── PipelineError         the NLP pipeline could not be loaded (e.g. a named spaCy model)
    └── OutputError           a report could not be written
"""

from __future__ import annotations


class FramingError(Exception):
    """Base class of every error the package raises on purpose."""

    exit_code = 1


class InputError(FramingError):
    exit_code = 2


class SourceNotFound(InputError):
    pass


class EmptyArticle(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLarge(InputError):
    pass


class LexiconError(InputError):
    pass


class FetchError(InputError):
    """A URL that could not be read as an article; the message names the URL and the cause."""


class PipelineError(FramingError):
    exit_code = 3


class OutputError(FramingError):
    exit_code = 4
