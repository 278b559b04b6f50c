"""Partials drawn once per build however many pages show them: an article's teaser, a coverage
timeline. What a partial shows must then depend only on what names its copy (the object it draws
and the variant: a heading level, an id in the page, ``SITEURL``), never on the page it is on."""

from __future__ import annotations

from markupsafe import Markup


class DrawnOnce:
    """The copies of one partial drawn this build; ``forget`` at its start and end."""

    def __init__(self, template: str):
        self.template = template
        # (id(subject), *variant) -> (subject, markup); the subject is kept so that its id stays its own
        self._drawn: dict[tuple, tuple[object, Markup]] = {}

    def draw(self, environment, subject, variant: tuple, **variables) -> Markup:
        key = (id(subject), *variant)
        found = self._drawn.get(key)
        if found is None:
            markup = Markup(environment.get_template(self.template).render(**variables))
            self._drawn[key] = found = (subject, markup)
        return found[1]

    def forget(self) -> None:
        self._drawn.clear()
