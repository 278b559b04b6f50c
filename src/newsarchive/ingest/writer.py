"""Write articles into ``content/`` without ever clobbering a hand edit or half-writing a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..model.article_file import ArticleFile, article_path, existing_articles, read_header, render_article
from ..model.files import write_atomically
from ..model.problems import Problem, Problems
from ..model.records import Article
from .slugs import base_slug, unique_slug


class Outcome(StrEnum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT = "kept"  # edited by hand since import: left alone
    MERGED = "merged"  # a duplicate: its provenance was added to the article already here
    FAILED = "failed"  # could not be written (disk full, permission denied ...): an error says why


@dataclass
class ImportSummary:
    problems: Problems = field(default_factory=Problems)
    outcomes: dict[Outcome, int] = field(default_factory=lambda: {o: 0 for o in Outcome})
    files: list[Path] = field(default_factory=list)
    changes: list[Path] = field(default_factory=list)  # files written (or, in a dry run, that would be)
    notes: list[str] = field(default_factory=list)  # what changed that a person should know: renames, splits
    gone: int = 0  # article files whose source block is no longer in their input
    removed: int = 0  # of those, removed by --prune

    @property
    def articles(self) -> int:
        return sum(self.outcomes.values())

    def describe(self, dry_run: bool = False) -> str:
        verb = "would write" if dry_run else "written"
        o = self.outcomes
        return (
            f"{self.articles} articles: {o[Outcome.WRITTEN]} {verb}, {o[Outcome.UNCHANGED]} unchanged, "
            f"{o[Outcome.KEPT]} kept (edited by hand)"
            + (f", {o[Outcome.MERGED]} merged into articles found elsewhere" if o[Outcome.MERGED] else "")
            + (f", {o[Outcome.FAILED]} not written" if o[Outcome.FAILED] else "")
            + (f", {self.gone} no longer in their input" if self.gone else "")
            + (f" ({self.removed} {'would be ' if dry_run else ''}removed)" if self.removed else "")
            + f"; {len(self.problems.errors)} errors, {len(self.problems.warnings)} warnings"
        )


class ContentWriter:
    """Writes articles into a content folder without clobbering hand edits."""

    def __init__(self, content_dir: Path, dry_run: bool = False):
        self.content_dir = content_dir
        self.dry_run = dry_run
        self.unreadable: list[Problem] = []  # article files that could not be read
        self.existing: dict[str, ArticleFile] = {f.slug: f for f in existing_articles(content_dir, self.unreadable)}
        self.used: set[str] = set()

    def assign_slug(self, article: Article) -> None:
        """A slug no file holds: a re-imported article keeps its file's slug (see ``identity``)."""
        article.slug = unique_slug(base_slug(article.title), lambda slug: slug in self.existing, self.used)

    def write(self, article: Article, summary: ImportSummary) -> Outcome:
        target = article_path(self.content_dir, article)
        text = render_article(article)
        before = self.existing.get(article.slug)
        summary.files.append(target)
        if before is not None and before.edited_by_hand:
            summary.problems.warn(
                str(before.path), 1,
                f"edited by hand since import; kept as it is (delete it to import {article.digest} "
                f"lines {article.first_line}-{article.last_line} again)",
            )
            return Outcome.KEPT
        if before is not None and before.path == target and before.text == text:
            return Outcome.UNCHANGED
        if not self.dry_run:
            try:
                write_atomically(target, text)
                if before is not None and before.path != target:
                    before.path.unlink()  # the article's date moved it to another year
            except OSError as exc:
                summary.problems.error(str(target), 0, f"cannot write: {exc.strerror or exc}")
                return Outcome.FAILED
        summary.changes.append(target if before is None or before.path == target else before.path)
        self.existing[article.slug] = ArticleFile(target, text, read_header(text))
        return Outcome.WRITTEN

    def rewrite(self, file: ArticleFile, text: str, summary: ImportSummary) -> ArticleFile | None:
        """Replace a file's text (new provenance entries); None, with an error, when it cannot be written."""
        if not self.dry_run:
            try:
                write_atomically(file.path, text)
            except OSError as exc:
                summary.problems.error(str(file.path), 0, f"cannot write: {exc.strerror or exc}")
                return None
        updated = ArticleFile(file.path, text, read_header(text))
        self.existing[file.slug] = updated
        return updated
