-- Minutes (notulen), the decision register (B-2026-001) and the action list (A-2026-001).
-- Minutes of one meeting and their workflow state.
create table meeting_minutes (
    meeting_id    uuid        not null primary key,
    space_id      uuid        not null,
    status        varchar(20) not null,
    circulated_at datetime(6) null,
    approved_at   datetime(6) null,
    approved_by   bigint      null,
    revision      int         not null default 1,
    pdf_document  uuid        null,
    version       bigint      not null default 0
) engine = InnoDB default charset = utf8mb4;

-- The text per agenda item (Markdown), each with its own version so two people on two items never collide.
create table minutes_item (
    meeting_id uuid        not null,
    item_id    uuid        not null,
    body       mediumtext  not null,
    updated_at datetime(6) not null,
    updated_by bigint      not null,
    version    bigint      not null default 0,
    primary key (meeting_id, item_id)
) engine = InnoDB default charset = utf8mb4;

create table decision (
    id         uuid          not null primary key,
    number     varchar(20)   not null,
    year       int           not null,
    seq        int           not null,
    space_id   uuid          not null,
    meeting_id uuid          not null,
    item_id    uuid          not null,
    body       varchar(4000) not null,
    created_at datetime(6)   not null,
    created_by bigint        not null,
    unique key ux_decision_number (number),
    unique key ux_decision_year_seq (year, seq),
    index ix_decision_space (space_id, created_at),
    index ix_decision_meeting (meeting_id)
) engine = InnoDB default charset = utf8mb4;

-- Follow-up actions: from a meeting's item, with owners, a due date and dated progress notes.
create table action_item (
    id          uuid          not null primary key,
    number      varchar(20)   not null,
    year        int           not null,
    seq         int           not null,
    space_id    uuid          not null,
    meeting_id  uuid          null,
    item_id     uuid          null,
    description varchar(1000) not null,
    due_date    date          null,
    status      varchar(20)   not null,
    closed_in   uuid          null,
    agreed_at   datetime(6)   not null,
    created_at  datetime(6)   not null,
    created_by  bigint        not null,
    version     bigint        not null default 0,
    unique key ux_action_number (number),
    unique key ux_action_year_seq (year, seq),
    index ix_action_space (space_id, status),
    index ix_action_meeting (meeting_id)
) engine = InnoDB default charset = utf8mb4;

create table action_owner (
    action_id uuid         not null,
    position  int          not null,
    person_id bigint       null,
    name      varchar(200) not null,
    primary key (action_id, position),
    index ix_action_owner_person (person_id),
    constraint fk_action_owner foreign key (action_id) references action_item (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

create table action_note (
    id         bigint        not null auto_increment primary key,
    action_id  uuid          not null,
    written_at datetime(6)   not null,
    written_by bigint        null,
    body       varchar(2000) not null,
    constraint fk_action_note foreign key (action_id) references action_item (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

-- Who was there: taken over from the answers to the invitation, corrected by the minute taker.
create table minutes_attendance (
    meeting_id uuid         not null,
    position   int          not null,
    person_id  bigint       null,
    name       varchar(200) not null,
    presence   varchar(30)  not null,
    guest      boolean      not null default false,
    primary key (meeting_id, position)
) engine = InnoDB default charset = utf8mb4;

-- Before each published meeting, the owners of open actions are asked once for their status.
create table action_status_request (
    meeting_id uuid        not null primary key,
    space_id   uuid        not null,
    send_at    datetime(6) not null,
    sent_at    datetime(6) null,
    index ix_action_status_request_due (sent_at, send_at)
) engine = InnoDB default charset = utf8mb4;

-- One row per owner asked; its id is what the signed link in the mail names.
create table action_status_mail (
    id         bigint      not null auto_increment primary key,
    meeting_id uuid        not null,
    space_id   uuid        not null,
    person_id  bigint      not null,
    created_at datetime(6) not null,
    unique key ux_action_status_mail (meeting_id, person_id)
) engine = InnoDB default charset = utf8mb4;

-- Comments of attendees on circulated minutes, per item; the secretary marks them as processed.
create table minutes_comment (
    id          bigint        not null auto_increment primary key,
    meeting_id  uuid          not null,
    item_id     uuid          not null,
    author_id   bigint        not null,
    body        varchar(2000) not null,
    created_at  datetime(6)   not null,
    resolved_at datetime(6)   null,
    index ix_minutes_comment (meeting_id, item_id)
) engine = InnoDB default charset = utf8mb4;
