"""Markdown to HTML through Python-Markdown extensions: citations and their notes, checked
quotations, entity links, paragraph anchors and the site's link rules.

It reads no files; it is given the sources it checks quotations against.
"""
