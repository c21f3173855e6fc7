"""Every file for reuse: /data/* (CSL-JSON, timeline, demands, claims, entities), the Atom
feeds, the share image, and each page's citation (plain text, BibTeX, CSL-JSON).

Exports read the model and escape for their clients; they never read content files.
"""
