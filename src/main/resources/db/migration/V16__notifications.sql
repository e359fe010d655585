-- Notifications: what a person is told in the app (the bell) and, per kind, by mail at once or in a digest.
create table notification (
    id           bigint        not null auto_increment primary key,
    person_id    bigint        not null,
    kind         varchar(30)   not null,
    subject      varchar(500)  not null,
    link         varchar(500)  not null,
    -- one notification per person and source (a redelivered event adds nothing)
    source_key   varchar(200)  not null,
    created_at   datetime(6)   not null,
    -- a scheduled post is told about from its publication on
    visible_from datetime(6)   not null,
    read_at      datetime(6)   null,
    -- set once the notification went into a mail (at once or a digest): never mailed twice
    mailed_at    datetime(6)   null,
    mail_id      bigint        null,
    unique key uk_notification_source (person_id, source_key),
    key ix_notification_person (person_id, visible_from),
    key ix_notification_unmailed (mailed_at, visible_from)
) engine = InnoDB default charset = utf8mb4;

-- A person's choice per kind; without a row the kind's default holds.
create table notification_preference (
    person_id bigint      not null,
    kind      varchar(30) not null,
    delivery  varchar(20) not null,
    primary key (person_id, kind)
) engine = InnoDB default charset = utf8mb4;

-- Newsletters: composed from posts by a manager, sent once to a space or to everyone.
create table newsletter (
    id         uuid          not null primary key,
    subject    varchar(200)  not null,
    space_id   uuid          null,
    posts      varchar(2000) not null,
    sent_by    bigint        not null,
    sent_at    datetime(6)   not null,
    recipients int           not null
) engine = InnoDB default charset = utf8mb4;

-- People who unsubscribed from newsletters (through the signed link in every newsletter).
create table newsletter_optout (
    person_id  bigint      not null primary key,
    created_at datetime(6) not null
) engine = InnoDB default charset = utf8mb4;
