-- Audit: append-only; the application only inserts.
create table audit_log (
    id          bigint       not null auto_increment primary key,
    occurred_at datetime(6)  not null,
    space_id    varchar(36)  null,
    subject_id  varchar(36)  null,
    action      varchar(40)  not null,
    person_id   bigint       null,
    detail      varchar(500) not null,
    index ix_audit_subject (subject_id),
    index ix_audit_space (space_id, occurred_at)
) engine = InnoDB default charset = utf8mb4;
