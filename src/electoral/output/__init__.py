"""The output models: one typed pydantic model per JSON document, and the functions that build them.

Each module holds the models of one concept (:mod:`~electoral.output.record`: years, tally, results,
map; :mod:`~electoral.output.rules`: apportionment, calendar, status; :mod:`~electoral.output.scenario`:
what-ifs and the side tally; :mod:`~electoral.output.analysis`; :mod:`~electoral.output.probability`;
:mod:`~electoral.output.errors`; :mod:`~electoral.output.serve`) next to the functions that build them from library objects. The
CLI's ``--json`` prints a model's :func:`~electoral.output.base.document`, the HTTP API sends the
same document, and the OpenAPI schema is generated from the same classes: a shape is written once.
Builders only rearrange library results (no math).

>>> from electoral.output.record import tally_out
>>> from electoral.record import election
>>> tally_out(election(2020).tally()).outcome
'Joe Biden wins with 306 electoral votes of 538; 270 needed'
"""
