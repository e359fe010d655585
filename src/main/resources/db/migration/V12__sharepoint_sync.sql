-- SharePoint sync: a space linked to a folder in a SharePoint document library, and the sync's persisted state:
-- which local item is which remote item (with the eTag, cTag and quickXorHash last seen), upload sessions in
-- progress (so that a restart resumes them), conflicts for a person to resolve, and per-item problems.

create table sharepoint_link (
    id              uuid          not null primary key,
    space_id        uuid          not null,
    site            varchar(400)  not null,
    library         varchar(255)  not null,
    folder_path     varchar(400)  not null,
    drive_id        varchar(200)  null,
    root_item_id    varchar(200)  null,
    delta_link      varchar(4000) null,
    state           varchar(20)   not null,
    stop_reason     varchar(2000) null,
    next_run_at     datetime(6)   not null,
    failures        int           not null default 0,
    pending         int           not null default 0,
    last_success_at datetime(6)   null,
    last_error      varchar(2000) null,
    last_error_at   datetime(6)   null,
    throttled_until datetime(6)   null,
    allow_deletes   int           not null default 0,
    created_at      datetime(6)   not null,
    created_by      bigint        not null,
    version         bigint        not null default 0,
    constraint ux_sharepoint_link_space unique (space_id),
    constraint fk_sharepoint_link_space foreign key (space_id) references space (id)
) engine = InnoDB default charset = utf8mb4;

create table sharepoint_item (
    id                uuid         not null primary key,
    link_id           uuid         not null,
    kind              varchar(10)  not null,
    local_id          uuid         not null,
    local_parent_id   uuid         null,
    local_name        varchar(255) not null,
    remote_id         varchar(200) not null,
    remote_parent_id  varchar(200) null,
    remote_name       varchar(255) not null,
    etag              varchar(200) null,
    ctag              varchar(200) null,
    quick_xor         varchar(64)  null,
    synced_version_id uuid         null,
    synced_sha256     char(64)     null,
    synced_at         datetime(6)  not null,
    constraint ux_sharepoint_item_local unique (link_id, local_id),
    constraint ux_sharepoint_item_remote unique (link_id, remote_id),
    constraint fk_sharepoint_item_link foreign key (link_id) references sharepoint_link (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

create table sharepoint_upload (
    id          uuid          not null primary key,
    link_id     uuid          not null,
    document_id uuid          not null,
    version_id  uuid          not null,
    upload_url  varchar(4000) not null,
    expires_at  datetime(6)   not null,
    new_file    boolean       not null,
    started_at  datetime(6)   not null,
    constraint ux_sharepoint_upload_document unique (link_id, document_id),
    constraint fk_sharepoint_upload_link foreign key (link_id) references sharepoint_link (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

create table sharepoint_conflict (
    id               uuid         not null primary key,
    link_id          uuid         not null,
    space_id         uuid         not null,
    document_id      uuid         not null,
    name             varchar(255) not null,
    copy_document_id uuid         null,
    copy_name        varchar(255) null,
    kept             varchar(20)  not null,
    created_at       datetime(6)  not null,
    resolved_at      datetime(6)  null,
    resolved_by      bigint       null,
    constraint fk_sharepoint_conflict_link foreign key (link_id) references sharepoint_link (id) on delete cascade,
    index ix_sharepoint_conflict_space (space_id, resolved_at)
) engine = InnoDB default charset = utf8mb4;

create table sharepoint_problem (
    id        uuid          not null primary key,
    link_id   uuid          not null,
    item_key  varchar(200)  not null,
    name      varchar(400)  not null,
    reason    varchar(2000) not null,
    seen_at   datetime(6)   not null,
    constraint ux_sharepoint_problem unique (link_id, item_key),
    constraint fk_sharepoint_problem_link foreign key (link_id) references sharepoint_link (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;
