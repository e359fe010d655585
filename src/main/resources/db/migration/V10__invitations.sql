-- Invitations: the iCalendar part of a mail, and a key that makes queueing a mail idempotent.
alter table mail_outbox add column calendar_body mediumtext null;
alter table mail_outbox add column calendar_method varchar(20) null;
alter table mail_outbox add column dedupe_key varchar(200) null;
alter table mail_outbox add unique key mail_outbox_dedupe (dedupe_key);

-- A quorum rule the attendance page can forecast: the share of required invitees that must be present.
alter table meeting_series add column quorum_percent int null;

-- One row per invited meeting: its calendar UID, SEQUENCE and what the last sent invitation said.
create table invitation (
    meeting_id  uuid         not null primary key,
    uid         varchar(200) not null,
    sequence    int          not null,
    fingerprint varchar(64)  null,
    starts_at   datetime(6)  null,
    cancelled   boolean      not null default false,
    reminded_at datetime(6)  null,
    version     bigint       not null default 0
) engine = InnoDB default charset = utf8mb4;

-- Who is invited: members of the space (person_id) and guests (e-mail only), with their answer.
create table invitee (
    id               bigint       not null auto_increment primary key,
    meeting_id       uuid         not null,
    person_id        bigint       null,
    email            varchar(254) not null,
    name             varchar(200) not null,
    locale           varchar(20)  not null,
    required         boolean      not null default true,
    guest            boolean      not null default false,
    answer           varchar(20)  not null,
    answered_at      datetime(6)  null,
    answered_via     varchar(20)  null,
    recorded_by      bigint       null,
    removed          boolean      not null default false,
    invited_sequence int          null,
    last_mail_id     bigint       null,
    version          bigint       not null default 0,
    unique key ux_invitee_meeting_email (meeting_id, email),
    index ix_invitee_person (person_id)
) engine = InnoDB default charset = utf8mb4;

-- The secret address of each person's calendar feed; regenerating it replaces the row.
create table calendar_feed (
    person_id  bigint      not null primary key,
    token      varchar(64) not null,
    created_at datetime(6) not null,
    unique key ux_calendar_feed_token (token)
) engine = InnoDB default charset = utf8mb4;

-- Secrets Tafel generates itself (the key that signs RSVP links), shared by all instances.
create table app_secret (
    name  varchar(50)  not null primary key,
    value varchar(200) not null
) engine = InnoDB default charset = utf8mb4;
