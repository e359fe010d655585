-- News (nieuws): posts for the whole association or one space, with comments, reactions and events with sign-up.

-- Where association-wide attachments live: a space that Tafel made for them (one row, id = 1).
create table news_store (
    id       int  not null primary key,
    space_id uuid null
) engine = InnoDB default charset = utf8mb4;

create table news_post (
    id              uuid          not null primary key,
    -- null: association-wide (every member); otherwise members of this space only
    space_id        uuid          null,
    title           varchar(200)  not null,
    body            mediumtext    not null,
    -- visible from this moment; a future moment makes a scheduled post
    publish_at      datetime(6)   not null,
    pinned          boolean       not null default false,
    comments_closed boolean       not null default false,
    image_document  uuid          null,
    author_id       bigint        not null,
    created_at      datetime(6)   not null,
    updated_at      datetime(6)   not null,
    updated_by      bigint        not null,
    -- an event with sign-up when event_starts_at is set
    event_starts_at datetime(6)   null,
    event_ends_at   datetime(6)   null,
    event_location  varchar(300)  null,
    event_program   text          null,
    -- seats (members and their guests); null: no limit
    capacity        int           null,
    max_guests      int           not null default 0,
    version         bigint        not null default 0,
    index ix_news_post_publish (publish_at),
    index ix_news_post_space (space_id, publish_at)
) engine = InnoDB default charset = utf8mb4;

create table news_attachment (
    post_id     uuid         not null,
    document_id uuid         not null,
    position    int          not null,
    primary key (post_id, document_id),
    constraint fk_news_attachment_post foreign key (post_id) references news_post (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

create table news_comment (
    id         bigint        not null auto_increment primary key,
    post_id    uuid          not null,
    author_id  bigint        not null,
    body       varchar(4000) not null,
    created_at datetime(6)   not null,
    index ix_news_comment_post (post_id, created_at),
    constraint fk_news_comment_post foreign key (post_id) references news_post (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

-- One reaction of each kind per person per post.
create table news_reaction (
    post_id   uuid        not null,
    person_id bigint      not null,
    kind      varchar(20) not null,
    reacted_at datetime(6) not null,
    primary key (post_id, person_id, kind),
    constraint fk_news_reaction_post foreign key (post_id) references news_post (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;

-- A member's sign-up for an event, with the guests they bring; the whole party is confirmed or waits.
create table news_signup (
    id           bigint        not null auto_increment primary key,
    post_id      uuid          not null,
    person_id    bigint        not null,
    guests       int           not null default 0,
    guest_names  varchar(1000) null,
    status       varchar(20)   not null,
    signed_up_at datetime(6)   not null,
    promoted_at  datetime(6)   null,
    unique key ux_news_signup (post_id, person_id),
    index ix_news_signup_queue (post_id, status, signed_up_at, id),
    constraint fk_news_signup_post foreign key (post_id) references news_post (id) on delete cascade
) engine = InnoDB default charset = utf8mb4;
