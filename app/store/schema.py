"""The tables, as SQLAlchemy 2 typed mappings (ORM objects never leave app/store)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy import event as orm_event
from sqlalchemy import inspect as orm_inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints so batch migrations on SQLite can find them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The edit time of rows stored before edit times were kept, as far as the database goes:
# older than any edit (a migration then gives each row its updated_at).
EPOCH = "1970-01-01 00:00:00"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class CaseRow(Base):
    """One Urgent Action case, keyed by its UA number; current fields come from its outputs."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ua_number: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    ai_index: Mapped[str | None] = mapped_column(String(40))
    issued_on: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    summary: Mapped[str | None] = mapped_column(Text)
    model_letter: Mapped[str | None] = mapped_column(Text)
    document_language: Mapped[str] = mapped_column(String(16), default="en")
    previous_ua_link: Mapped[str | None] = mapped_column(Text)
    preferred_languages: Mapped[str] = mapped_column(Text, default="")  # "\n"-joined names
    # the newest document's bulleted demands, one per line
    recommended_actions: Mapped[str] = mapped_column(Text, default="", server_default="")
    # the newest document's background section ("Additional information")
    additional_info: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")  # folded text for SQL search
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Set when the user deleted the case but kept its appeals as history: the row stays so
    # those appeals still count in reports, and no list or lookup shows the case any more.
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The case counts of the first screen (per status, removed cases left out) come from
    # this index alone; it serves a lookup by status as the one on status alone did.
    __table_args__ = (Index("ix_cases_status_removed_at", "status", "removed_at"),)

    outputs: Mapped[list[OutputRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="OutputRow.id"
    )
    persons: Mapped[list[PersonRow]] = relationship(
        cascade="all, delete-orphan", order_by="PersonRow.position"
    )
    targets: Mapped[list[TargetRow]] = relationship(
        cascade="all, delete-orphan", order_by="TargetRow.position"
    )


class OutputRow(Base):
    """One imported document of a case, kept with its full text."""

    __tablename__ = "outputs"
    __table_args__ = (UniqueConstraint("case_id", "content_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    ai_index: Mapped[str | None] = mapped_column(String(40))
    issued_on: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text, default="")
    source_name: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text, default="")
    parsed_json: Mapped[str] = mapped_column(Text, default="{}")
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    case: Mapped[CaseRow] = relationship(back_populates="outputs")


class PersonRow(Base):
    __tablename__ = "persons"
    # A case's persons in order (in SQLite with their names too: migration 0010)
    __table_args__ = (Index("ix_persons_case_list", "case_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    pronouns: Mapped[str | None] = mapped_column(String(40))


class TargetRow(Base):
    __tablename__ = "targets"
    # A case's officials in order (in SQLite with the fields of their label too: migration 0010)
    __table_args__ = (Index("ix_targets_case_list", "case_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    name_as_printed: Mapped[str | None] = mapped_column(Text)
    salutation: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    fax: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    social: Mapped[str] = mapped_column(Text, default="")  # "\n"-joined handles
    gender: Mapped[str | None] = mapped_column(String(8))


class EventRow(Base):
    """A letter-writing event (name unique; uuid stable across laptops)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    held_on: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EventCaseRow(Base):
    __tablename__ = "event_cases"
    __table_args__ = (UniqueConstraint("event_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    goal: Mapped[int | None] = mapped_column(Integer)


class AppealRow(Base):
    """An appeal or solidarity card; ``uuid`` identifies it across machines (merges)."""

    __tablename__ = "appeals"
    # Covering indexes: the case list's sent totals (migration 0002; bench/bench_startup.py)
    # and an event's tally, which also serves any lookup by event (migration 0009;
    # bench/bench_events.py).
    __table_args__ = (
        Index("ix_appeals_totals", "status", "kind", "case_id", "count"),
        Index(
            "ix_appeals_event_tally", "event_id", "case_id", "channel", "kind", "status", "count"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    # RESTRICT: deleting a case must never take the user's appeal history with it.
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="RESTRICT"))
    target_position: Mapped[int | None] = mapped_column(Integer)
    target_label: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="appeal")
    status: Mapped[str] = mapped_column(String(16), default="sent", index=True)
    channel: Mapped[str | None] = mapped_column(String(20))
    sent_on: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(16), default="en")
    text: Mapped[str] = mapped_column(Text, default="")
    count: Mapped[int] = mapped_column(Integer, default=1)
    reply_on: Mapped[date | None] = mapped_column(Date)
    reply_note: Mapped[str | None] = mapped_column(Text)
    reply_attachment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # When a field that travels in event files last changed, on whichever laptop: a merge
    # keeps the copy edited last. Kept by the store (``next_edit_time``), never earlier
    # than the record's previous edit; rows of older versions have their updated_at.
    edited_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True),
        default=lambda: datetime.now(UTC),
        server_default=EPOCH,
    )


class EventDeletionRow(Base):
    """An event letter deleted here or on another laptop: its UUID and when it was deleted.

    It travels in event files, so a merge removes the letter where it is still stored, and an
    older copy of it merged later does not bring it back; a copy edited after the deletion
    (an undone deletion) does."""

    __tablename__ = "event_deletions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    deleted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CaseCorrectionRow(Base):
    """A case field the user corrected; it wins over the documents until the user accepts one.

    ``user_value`` and ``document_value`` are JSON: what the user set, and what the documents
    said when the user last decided (a later document that says otherwise is a difference).
    """

    __tablename__ = "case_corrections"
    __table_args__ = (UniqueConstraint("case_id", "field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    user_value: Mapped[str] = mapped_column(Text)
    document_value: Mapped[str] = mapped_column(Text)
    corrected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CaseDifferenceRow(Base):
    """A later document disagrees with a value the user corrected: the user accepts or keeps."""

    __tablename__ = "case_differences"
    __table_args__ = (UniqueConstraint("case_id", "field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    document_value: Mapped[str] = mapped_column(Text)  # JSON
    noticed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AppealVersionRow(Base):
    """An earlier text of an appeal, kept when the user corrected the text as sent."""

    __tablename__ = "appeal_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeals.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    replaced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ImportBatchRow(Base):
    """One import the user started (files, a folder, pasted text, the sample pack)."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Made before the backup that holds it was restored: it is not the user's last import.
    before_restore: Mapped[bool] = mapped_column(Boolean, server_default=false())


class ImportBatchCaseRow(Base):
    """What one batch did to one case: the case's rows as they were before (JSON), so the
    batch can be undone exactly; ``created`` when the batch made the case."""

    __tablename__ = "import_batch_cases"
    __table_args__ = (UniqueConstraint("batch_id", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int] = mapped_column(Integer)  # no FK: undo must work whatever happened
    ua_number: Mapped[str] = mapped_column(String(16))
    created: Mapped[bool] = mapped_column(Boolean, default=False)
    before_json: Mapped[str] = mapped_column(Text, default="{}")


# The appeal fields an event file carries: a change to any of them is an edit other laptops
# must receive (the letter text, the reply and the bookkeeping times are not; a letter
# leaves its event only with the event itself).
TRAVELLING_FIELDS = (
    "case_id",
    "kind",
    "status",
    "channel",
    "count",
    "sent_on",
    "target_position",
    "target_label",
    "language",
)


def next_edit_time(previous: datetime | None) -> datetime:
    """Now, in UTC; or just after ``previous`` when the clock is behind it (set back, or
    another laptop's clock ahead): a record's later edit always has the later time."""
    now = datetime.now(UTC)
    if previous is None:
        return now
    before = previous.replace(tzinfo=UTC) if previous.tzinfo is None else previous
    return now if now > before else before + timedelta(microseconds=1)


@orm_event.listens_for(AppealRow, "before_update")
def _edited(_mapper: Any, _connection: Any, row: AppealRow) -> None:
    """Every change of a travelling field made through the ORM gets a new edit time."""
    state = orm_inspect(row)
    if any(state.attrs[name].history.has_changes() for name in TRAVELLING_FIELDS):
        row.edited_at = next_edit_time(row.edited_at)
