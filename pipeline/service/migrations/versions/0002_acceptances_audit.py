"""Findings accepted in the browser, and the audit log of every acceptance and withdrawal.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "acceptances",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("request_id", sa.Integer, sa.ForeignKey("requests.id"), nullable=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("accepted_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("accepted", sa.String(32), nullable=False),
        sa.Column("withdrawn_by", sa.Integer, sa.ForeignKey("users.id")),
        sa.Column("withdrawn", sa.String(32)),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("request_id", sa.Integer, sa.ForeignKey("requests.id"), nullable=False),
        # accepted or withdrawn
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("acceptance_id", sa.Integer, sa.ForeignKey("acceptances.id"), nullable=False),
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
