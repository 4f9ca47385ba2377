"""What loading says besides articles: a file or item skipped and why, a note, and the error a reader raises."""
from __future__ import annotations

from dataclasses import dataclass


class LoadError(Exception):
    """A file that cannot be read as an article; the message says why, for the build report."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file, archive member, feed item or manifest row that was not used, and why."""

    name: str
    reason: str

    def line(self) -> str:
        """The build report line."""
        return f"skipped {self.name}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Note:
    """Something the build report should say about a file that was still used."""

    name: str
    text: str

    def line(self) -> str:
        """The build report line."""
        return f"note: {self.name}: {self.text}"
