"""Alembic environment of the ledger: migrations run on the connection the store passes in.

The store (electoral.ledger.store.migrate) puts an open connection in ``config.attributes["connection"]``;
there is no alembic.ini and no offline mode.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
