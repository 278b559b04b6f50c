"""Problems found in input: collected during a run, printed one per line at the end."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TextIO


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem with one place in one input file.

    ``line`` is 1-based; 0 means the problem concerns the whole file.
    """

    path: str
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity.value}: {self.message}"


@dataclass
class Problems:
    """Every problem of a run, in the order found."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, severity: Severity, message: str) -> None:
        self.items.append(Problem(path, line, severity, message))

    def warn(self, path: str, line: int, message: str) -> None:
        self.add(path, line, Severity.WARNING, message)

    def error(self, path: str, line: int, message: str) -> None:
        self.add(path, line, Severity.ERROR, message)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def exit_code(self, strict: bool = False) -> int:
        """0 when all is well, 1 on errors (or on warnings when ``strict``)."""
        if self.errors or (strict and self.warnings):
            return 1
        return 0

    def print(self, stream: TextIO | None = None) -> None:
        stream = stream or sys.stderr
        for problem in self.items:
            print(problem, file=stream)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)
