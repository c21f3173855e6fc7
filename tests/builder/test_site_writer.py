"""The writer the site's generators write through: pages rendered with the build's context, and
no file written twice in one build."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from explainer.builder.site_folder import SiteFolder, SiteWriter


@pytest.fixture
def writer(tmp_path):
    folder = SiteFolder(tmp_path / "output")
    with folder.building():
        yield SiteWriter(str(folder.path), settings={})


def test_a_page_is_rendered_with_the_context_and_its_own_values(writer):
    template = jinja2.Template("{{ SITENAME }}: {{ page_name }} at {{ output_file }}")
    writer.write_page(
        "about/index.html", template, {"SITENAME": "Site", "page_name": "ignored"}, page_name="About"
    )
    written = Path(writer.output_path) / "about" / "index.html"
    assert written.read_text(encoding="utf-8") == "Site: About at about/index.html"


def test_a_second_write_of_one_address_stops_the_build(writer):
    writer.write_output("data/x.json", "{}")
    with pytest.raises(RuntimeError, match="data/x.json: written twice"):
        writer.write_output("data/x.json", "[]")
