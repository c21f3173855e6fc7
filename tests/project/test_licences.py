"""The repository states the terms of its code and its writing, where readers and tools look."""

from __future__ import annotations

import yaml
from conftest import ROOT

# Licence file -> (SPDX identifier, its name as people write it, words only its text has).
LICENCES = {
    "LICENSE": ("MIT", "MIT licence", "Permission is hereby granted, free of charge"),
    "LICENSE-writing.txt": (
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0 International",
        "Attribution 4.0 International Public License",
    ),
}


def test_each_licence_file_holds_its_licence():
    for name, (_, _, words) in LICENCES.items():
        assert words in (ROOT / name).read_text(encoding="utf-8"), name


def test_the_readme_names_both_licences_and_their_files():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, (_, title, _) in LICENCES.items():
        assert f"]({name})" in readme and title in readme, name


def test_the_about_page_names_both_licences(site):
    about = site.soup("/about/").get_text(" ", strip=True)
    for name, (_, title, _) in LICENCES.items():
        assert title in about and name in about, name


def test_citation_cff_has_the_required_keys_and_the_same_licences():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert citation["message"] and citation["title"] and citation["authors"]
    assert sorted(citation["license"]) == sorted(spdx for spdx, _, _ in LICENCES.values())
