"""Reading and checking one content file: its bytes, metadata, fields, provenance values and dates.

Nothing here renders Markdown or knows about pages, templates or other files.
"""
