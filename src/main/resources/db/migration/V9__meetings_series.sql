-- Meeting series ("Bestuur Ondernemend Leiden"): defaults for new meetings and an agenda template.
create table meeting_series (
    id               uuid         not null primary key,
    space_id         uuid         not null,
    name             varchar(200) not null,
    form             varchar(20)  not null,
    location         varchar(300) null,
    start_time       time         not null,
    duration_minutes int          not null,
    quorum           varchar(300) null,
    version          bigint       not null default 0,
    index ix_series_space (space_id)
) engine = InnoDB default charset = utf8mb4;

create table series_item (
    series_id uuid         not null,
    position  int          not null,
    title     varchar(200) not null,
    purpose   varchar(20)  not null,
    minutes   int          not null,
    at_end    boolean      not null default false,
    primary key (series_id, position),
    constraint fk_series_item foreign key (series_id) references meeting_series (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

alter table meeting add column series_id uuid null;
alter table agenda_item add column closing boolean not null default false;
