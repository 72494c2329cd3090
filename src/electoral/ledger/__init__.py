"""The ledger: an append-only record of election events (calls, results, certifications, votes, the count).

:mod:`~electoral.ledger.events` defines the events and checks them, :mod:`~electoral.ledger.store` keeps
them in a database, :mod:`~electoral.ledger.feeds` reads them from files and result feeds, and
:mod:`~electoral.ledger.status` tells where an election stood at any moment. See docs/ledger.md.
"""
