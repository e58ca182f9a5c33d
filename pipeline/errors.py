"""The exceptions a user can meet, and what the command line does with them.

    DarsError                 anything the tool reports in one line instead of a traceback
    ├── UsageError            the command cannot run: no such path, a bad option value (exit 2)
    └── UnreadableDocument    one file cannot be read; the bundle goes on (DOC-001)
        ├── LimitExceeded     a file is over a size, page, time or inflation limit (DOC-001)
        └── WithheldDocument  a file that must not be read: a participant cohort file (DOC-009)

Anything else that escapes is a bug: the command line still prints one line and exits 2.
"""

from __future__ import annotations


class DarsError(Exception):
    """An error the tool explains in one line."""


class UsageError(DarsError):
    """The command itself cannot run (exit status 2)."""


class UnreadableDocument(DarsError):
    """A file of the bundle cannot be read. The message is the reason a reviewer sees."""


class LimitExceeded(UnreadableDocument):
    """A file is over one of the limits of `pipeline.limits.Limits`."""


class WithheldDocument(UnreadableDocument):
    """A file that is not read on purpose: a participant cohort file (bundle.md, DOC-009)."""
