-- Spring Modulith's event publication registry: events between modules survive a crash and are retried.
CREATE TABLE event_publication (
    id                     UUID         NOT NULL,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       DATETIME(6)  NOT NULL,
    completion_date        DATETIME(6)  NULL,
    status                 VARCHAR(32)  NULL,
    completion_attempts    INT          NOT NULL DEFAULT 0,
    last_resubmission_date DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY event_publication_completion (completion_date),
    KEY event_publication_status (status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
