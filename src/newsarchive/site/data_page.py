"""The "About this data" page (``data/index.html``): the dataset's files, every field with its type
and meaning, its licences and how to cite it; linked from every page's footer and the archives."""

from __future__ import annotations

from pelican.generators import Generator

from ..model import settings
from .dataset import ARTICLE_FIELDS, FIGURE_FIELDS, SEPARATOR, dataset_citation


class DataPageGenerator(Generator):
    def generate_context(self) -> None:
        shown = bool(settings.get(self.settings, "NEWSARCHIVE_DATA_PATH") and
                     settings.get(self.settings, "DATA_SAVE_AS"))
        self.context["DATA_URL"] = settings.get(self.settings, "DATA_URL") if shown else None

    def generate_output(self, writer) -> None:
        if not self.context.get("DATA_URL"):
            return
        articles = self.context.get("articles", [])
        writer.write_file(
            settings.get(self.settings, "DATA_SAVE_AS"),
            self.get_template("data"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name="data",
            url=self.context["DATA_URL"],
            data_folder=settings.get(self.settings, "NEWSARCHIVE_DATA_PATH"),
            article_count=len(articles),
            article_fields=ARTICLE_FIELDS,
            figure_fields=FIGURE_FIELDS,
            separator=SEPARATOR,
            data_license=settings.get(self.settings, "NEWSARCHIVE_DATA_LICENSE"),
            data_rights=settings.get(self.settings, "NEWSARCHIVE_DATA_RIGHTS"),
            data_citation=dataset_citation(self.settings, articles),
        )


def get_generators(pelican):
    return DataPageGenerator
