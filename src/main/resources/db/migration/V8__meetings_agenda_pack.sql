-- The agenda pack of a meeting: built in the background, stored as a versioned document in the meeting's folder.
create table agenda_pack (
    meeting_id   uuid          not null primary key,
    pack_version int           not null default 0,
    status       varchar(20)   not null,
    progress     int           not null default 0,
    document_id  uuid          null,
    built_at     datetime(6)   null,
    requested_by bigint        null,
    manifest     mediumtext    null,
    message      varchar(500)  null,
    constraint fk_pack_meeting foreign key (meeting_id) references meeting (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;
