-- Meetings in a space, their agenda items (with sub-items) and the documents attached to each item.
create table meeting (
    id              uuid          not null primary key,
    space_id        uuid          not null,
    title           varchar(200)  not null,
    starts_at       datetime(6)   not null,
    ends_at         datetime(6)   not null,
    form            varchar(20)   not null,
    location        varchar(300)  null,
    join_url        varchar(1000) null,
    chair_id        bigint        null,
    minute_taker_id bigint        null,
    status          varchar(20)   not null,
    published_at    datetime(6)   null,
    agenda_version  bigint        not null default 0,
    created_at      datetime(6)   not null,
    created_by      bigint        not null,
    version         bigint        not null default 0,
    index ix_meeting_space_start (space_id, starts_at),
    index ix_meeting_start (starts_at)
) engine = InnoDB default charset = utf8mb4;

create table agenda_item (
    id          uuid          not null primary key,
    meeting_id  uuid          not null,
    parent_id   uuid          null,
    position    int           not null,
    title       varchar(200)  not null,
    purpose     varchar(20)   not null,
    presenter   varchar(200)  null,
    minutes     int           not null default 0,
    description varchar(4000) null,
    standing    boolean       not null default false,
    constraint fk_item_meeting foreign key (meeting_id) references meeting (id) on delete cascade,
    index ix_item_meeting (meeting_id, parent_id, position)
) engine = InnoDB default charset = utf8mb4;

create table agenda_item_document (
    item_id     uuid        not null,
    document_id uuid        not null,
    position    int         not null,
    added_at    datetime(6) not null,
    added_by    bigint      not null,
    late        boolean     not null default false,
    primary key (item_id, document_id),
    constraint fk_item_document_item foreign key (item_id) references agenda_item (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

-- What changed in an agenda after it was published ("gewijzigd na publicatie").
create table agenda_change (
    id          bigint       not null auto_increment primary key,
    meeting_id  uuid         not null,
    changed_at  datetime(6)  not null,
    changed_by  bigint       not null,
    message_key varchar(80)  not null,
    argument    varchar(300) null,
    constraint fk_change_meeting foreign key (meeting_id) references meeting (id) on delete cascade,
    index ix_change_meeting (meeting_id, changed_at)
) engine = InnoDB default charset = utf8mb4;
