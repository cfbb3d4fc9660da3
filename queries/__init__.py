"""Saved queries: the research questions as portable Cypher files.

* ``queries/*.cypher``: one question each, a ``//`` header then one read-only
  statement (header syntax in :mod:`queries.header`).
* :mod:`queries.catalogue`: ``load_catalogue()``, ``coerce_parameters()``,
  ``run_saved()``: the API the CLI and the dashboard use.
* :mod:`queries.params`: parameter types and the conversion of typed-in text.
* :mod:`queries.formatting`: results as a table, JSON or CSV.
* :mod:`queries.portability`: checks for Cypher that Neo4j accepts but FalkorDB
  gets wrong (the test suite runs them, with Neo4j's own front end).
* :mod:`queries.cli`: ``tgraph query list | show | run``.

Writing a query for FalkorDB on a large graph (measured, 100,000 nodes and
300,000 relationships): find a node by id through its label's index (an
``OPTIONAL MATCH (x:Label {id: $id})`` per label beats an unlabelled scan);
avoid pattern comprehensions and pattern predicates on many rows (each runs as
a sub-plan per row) in favour of ``MATCH``/``OPTIONAL MATCH`` and aggregation,
and keep comprehensions for the rows left after ``LIMIT``; give traversal ends
a label; read relationship properties on as few relationships as possible.
"""
