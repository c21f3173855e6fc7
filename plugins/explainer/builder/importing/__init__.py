"""`make import FILE=…`: a source file from a page saved in a browser, or from a plain-text copy.

saved.py reads the file; article.py takes the article's text with trafilatura and names what it
left out; provenance.py states, infers (with a basis) or leaves unknown each provenance field;
relative.py finds phrases that look like relative dates; source_file.py writes the Markdown file.
"""
