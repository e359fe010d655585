-- Review: board members prepare a meeting. Reading status per person and document version, private (or shared)
-- notes per document and page, questions per agenda item, and the meetings whose reading reminder is due.

-- A version a person has read: by seeing its last page in the viewer, or by marking it read.
create table review_reading (
    person_id      bigint      not null,
    version_id     uuid        not null,
    document_id    uuid        not null,
    version_number int         not null,
    read_at        datetime(6) not null,
    read_via       varchar(20) not null,
    primary key (person_id, version_id),
    index ix_review_reading_document (document_id, person_id)
) engine = InnoDB default charset = utf8mb4;

-- A note on a document (and page) of one version. Private to its author unless shared with the space. The
-- document's name and space are kept, so that a note outlives its document ("mijn notities").
create table review_note (
    id             bigint        not null auto_increment primary key,
    author_id      bigint        not null,
    space_id       uuid          not null,
    document_id    uuid          not null,
    version_id     uuid          not null,
    version_number int           not null,
    document_name  varchar(255)  not null,
    page           int           null,
    body           varchar(4000) not null,
    shared         boolean       not null default false,
    created_at     datetime(6)   not null,
    updated_at     datetime(6)   not null,
    version        bigint        not null default 0,
    index ix_review_note_author (author_id, created_at),
    index ix_review_note_document (document_id, shared)
) engine = InnoDB default charset = utf8mb4;

-- A question to an agenda item, asked before the meeting; seen by the chair and the secretaries, or by everyone.
create table review_question (
    id          bigint        not null auto_increment primary key,
    meeting_id  uuid          not null,
    item_id     uuid          not null,
    asked_by    bigint        not null,
    body        varchar(2000) not null,
    visibility  varchar(20)   not null,
    asked_at    datetime(6)   not null,
    answered_at datetime(6)   null,
    answered_by bigint        null,
    version     bigint        not null default 0,
    index ix_review_question_meeting (meeting_id, item_id, asked_at)
) engine = InnoDB default charset = utf8mb4;

-- Meetings as the reading reminder sees them (kept from the meetings module's events), and when it went out.
create table review_meeting (
    meeting_id  uuid        not null primary key,
    starts_at   datetime(6) not null,
    status      varchar(20) not null,
    reminded_at datetime(6) null,
    index ix_review_meeting_due (reminded_at, starts_at)
) engine = InnoDB default charset = utf8mb4;
