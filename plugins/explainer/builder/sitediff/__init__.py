"""`make diff BASE=main`: what a change does to the site, for reviewers.

trees.py lays out a git ref, or the working tree, in a folder of its own; built.py builds it
with its own code and compares two built sites page by page; changes.py compares two models'
citations, quotations, claims and timeline entries; report.py writes it all as Markdown (the
pull request's job summary).
"""
