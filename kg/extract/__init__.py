"""Extraction: rules over spaCy's parse and entities, plus the gazetteer."""
