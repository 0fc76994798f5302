"""Relationship views of the store: an interactive graph page, a timeline, network analytics.

* ``kg.views.build``     -- store -> facts -> ``ViewGraph`` (a networkx MultiDiGraph)
* ``kg.views.neighbourhood`` -- the same view around one node, read from the store around it only
* ``kg.views.html``      -- ``ViewGraph`` -> one self-contained, offline HTML page (vis-network)
* ``kg.views.timeline``  -- ``ViewGraph`` -> a timeline page, one row per actor
* ``kg.views.analytics`` -- degree, betweenness, communities, paths, GraphML/GEXF export

Nothing here imports spaCy or click.
"""
