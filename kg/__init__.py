"""kg: a knowledge graph of political actors and policies, built from news.

Data flows one way: sources -> NLP -> candidate facts -> RDF with provenance
-> store -> queries -> views.  Modules that answer queries never import spaCy.
"""
__version__ = "0.1.0"
