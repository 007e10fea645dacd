"""Alembic environment: runs on the connection newsbot.stores.migrate() hands over."""

from alembic import context

from newsbot.stores.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
