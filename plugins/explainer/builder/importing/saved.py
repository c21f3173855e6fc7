"""The saved file: an HTML page as a browser saved it, or a plain-text copy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20_000_000  # a saved page with its inline images can be large; a video cannot be one
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt",)
# Chrome and Edge ("Webpage, HTML only") write the page's address as an old Internet Explorer
# mark of the web; SingleFile writes its own comment with the address and the date of saving.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_SINGLEFILE = re.compile(r"<!--\s*Page saved with SingleFile(.*?)-->", re.I | re.S)
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)


class ImportProblem(Exception):
    """Something about the file stops the import: printed as `path: problem — fix`."""

    def __init__(self, path: str, problem: str, fix: str):
        super().__init__(f"{path}: {problem} — {fix}")


@dataclass
class SavedFile:
    path: Path
    display: str
    text: str
    is_html: bool
    saved_from: str | None = None  # the address the browser recorded
    saved_from_mark: str | None = None  # which mark it came from, in words
    saved_date: str | None = None  # as the file writes it


def read_saved_file(path: Path, display: str) -> SavedFile:
    if not path.exists():
        raise ImportProblem(
            display, "no such file", "give the path of the page you saved, e.g. FILE=~/Downloads/page.html"
        )
    if not path.is_file():
        raise ImportProblem(display, "this is not a file", "give the saved page itself, not a folder")
    if path.stat().st_size > MAX_BYTES:
        raise ImportProblem(
            display, "the file is over 20 MB", "save the page as 'HTML only', without its media"
        )
    raw = path.read_bytes()
    suffix = path.suffix.lower()
    if b"\0" in raw[:4096]:
        raise ImportProblem(
            display, "this is a binary file, not a web page or text", "give a .html or .txt file"
        )
    if suffix in TEXT_SUFFIXES:
        return SavedFile(path, display, _decode(raw, display), is_html=False)
    if suffix not in HTML_SUFFIXES:
        raise ImportProblem(
            display,
            f"'{suffix or path.name}' is not a saved web page or a text file",
            "give a .html or .txt file",
        )
    if not _HTML_START.match(raw[:4096]):
        raise ImportProblem(
            display,
            "this is not HTML (it does not start like a web page)",
            "save the article from the browser with 'Save page as…', 'Webpage, HTML only'",
        )
    text = _decode(raw, display)
    saved = SavedFile(path, display, text, is_html=True)
    if match := _SAVED_FROM.search(text[:4096]):
        saved.saved_from, saved.saved_from_mark = (
            match.group(1),
            "the 'saved from url' comment the browser wrote",
        )
    if match := _SINGLEFILE.search(text):
        fields = dict(re.findall(r"^\s*([a-z ]+):\s*(.+?)\s*$", match.group(1), re.M))
        if fields.get("url"):
            saved.saved_from, saved.saved_from_mark = fields["url"], "the address SingleFile recorded"
        saved.saved_date = fields.get("saved date")
    return saved


def _decode(raw: bytes, display: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            continue
    raise ImportProblem(display, "the file's characters cannot be read", "save it again with UTF-8 encoding")
