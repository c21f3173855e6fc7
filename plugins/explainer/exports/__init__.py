"""Every file for reuse: /data/* (CSL-JSON, timeline, demands, claims, entities), the Atom
feeds and the share image.

Exports read the model and escape for their clients; they never read content files.
"""
