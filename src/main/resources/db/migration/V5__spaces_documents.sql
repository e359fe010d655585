-- Document spaces: a space per board or group, its members with a role, nested folders and versioned documents.
-- Names are unique per folder ignoring case: live_name_key holds the lower-cased name while the item is not in the
-- trash (NULL once deleted, so trashed items never block a new one with the same name).

create table space (
    id          uuid          not null primary key,
    name        varchar(120)  not null,
    description varchar(2000) null,
    archived    boolean       not null default false,
    created_at  datetime(6)   not null,
    created_by  bigint        not null,
    version     bigint        not null default 0,
    constraint ux_space_name unique (name)
) engine = InnoDB default charset = utf8mb4;

create table space_member (
    space_id      uuid        not null,
    person_id     bigint      not null,
    space_role    varchar(20) not null,
    added_at      datetime(6) not null,
    last_visit_at datetime(6) null,
    primary key (space_id, person_id),
    constraint fk_space_member_space foreign key (space_id) references space (id) on delete cascade,
    index ix_space_member_person (person_id)
) engine = InnoDB default charset = utf8mb4;

create table folder (
    id            uuid         not null primary key,
    space_id      uuid         not null,
    parent_id     uuid         null,
    name          varchar(255) not null,
    live_name_key varchar(255) collate utf8mb4_bin null,
    created_at    datetime(6)  not null,
    created_by    bigint       not null,
    deleted_at    datetime(6)  null,
    deleted_by    bigint       null,
    version       bigint       not null default 0,
    constraint fk_folder_space foreign key (space_id) references space (id),
    constraint fk_folder_parent foreign key (parent_id) references folder (id),
    constraint ux_folder_name unique (parent_id, live_name_key),
    index ix_folder_space_deleted (space_id, deleted_at)
) engine = InnoDB default charset = utf8mb4;

create table document (
    id              uuid          not null primary key,
    space_id        uuid          not null,
    folder_id       uuid          not null,
    name            varchar(255)  not null,
    live_name_key   varchar(255)  collate utf8mb4_bin null,
    current_version int           not null,
    media_type      varchar(255)  not null,
    size_bytes      bigint        not null,
    created_at      datetime(6)   not null,
    created_by      bigint        not null,
    updated_at      datetime(6)   not null,
    updated_by      bigint        not null,
    deleted_at      datetime(6)   null,
    deleted_by      bigint        null,
    version         bigint        not null default 0,
    constraint fk_document_space foreign key (space_id) references space (id),
    constraint fk_document_folder foreign key (folder_id) references folder (id),
    constraint ux_document_name unique (folder_id, live_name_key),
    index ix_document_space_updated (space_id, updated_at),
    index ix_document_space_deleted (space_id, deleted_at)
) engine = InnoDB default charset = utf8mb4;

create table document_version (
    id            uuid         not null primary key,
    document_id   uuid         not null,
    number        int          not null,
    sha256        char(64)     not null,
    size_bytes    bigint       not null,
    media_type    varchar(255) not null,
    original_name varchar(255) not null,
    uploaded_by   bigint       not null,
    uploaded_at   datetime(6)  not null,
    restored_from int          null,
    text_status   varchar(20)  not null,
    text_claimed_at datetime(6) null,
    constraint fk_version_document foreign key (document_id) references document (id) on delete cascade,
    constraint ux_version_number unique (document_id, number),
    index ix_version_sha (sha256),
    index ix_version_text (text_status)
) engine = InnoDB default charset = utf8mb4;

-- Extracted text for the search to come, kept apart so that version lists stay small.
create table document_text (
    version_id uuid       not null primary key,
    content    mediumtext not null,
    truncated  boolean    not null default false,
    constraint fk_text_version foreign key (version_id) references document_version (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;
