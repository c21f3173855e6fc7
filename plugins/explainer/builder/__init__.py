"""The command line, the local server, the site folder and its crash-safe swap, and what runs
after Pelican (search index, sitemap).

The top of the stages: nothing below imports from here.
"""
