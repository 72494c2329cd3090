"""The append-only table of election events.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Rows are never changed or removed: the database refuses it, whatever the client.
SQLITE_GUARDS = [
    f"CREATE TRIGGER ledger_events_no_{verb.lower()} BEFORE {verb} ON ledger_events "
    f"BEGIN SELECT RAISE(ABORT, 'ledger_events is append-only: {verb} refused'); END"
    for verb in ("UPDATE", "DELETE")
]
POSTGRES_GUARDS = [
    "CREATE FUNCTION ledger_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION 'ledger_events is append-only: % refused', TG_OP; END $$",
    "CREATE TRIGGER ledger_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_events "
    "FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_append_only()",
]


def upgrade() -> None:
    op.create_table(
        "ledger_events",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("effective_us", sa.BigInteger(), nullable=False),
        sa.Column("effective_tz", sa.String(64), nullable=False),
        sa.Column("received_us", sa.BigInteger(), nullable=False),
        sa.Column("received_tz", sa.String(64), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("batch", sa.String(32), nullable=False),
        sa.UniqueConstraint("id", name="uq_ledger_events_id"),
    )
    op.create_index("ix_ledger_events_year_effective", "ledger_events", ["year", "effective_us"])
    op.create_index("ix_ledger_events_year_unit", "ledger_events", ["year", "unit"])
    op.create_index("ix_ledger_events_year_kind", "ledger_events", ["year", "kind"])
    guards = SQLITE_GUARDS if op.get_bind().dialect.name == "sqlite" else POSTGRES_GUARDS
    for statement in guards:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER ledger_events_append_only ON ledger_events")
        op.execute("DROP FUNCTION ledger_events_append_only()")
    op.drop_table("ledger_events")
