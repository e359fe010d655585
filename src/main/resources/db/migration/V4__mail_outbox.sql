-- Every outgoing mail, written in the transaction that causes it and sent after commit.
CREATE TABLE mail_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    message_id      VARCHAR(200) NOT NULL,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(400) NOT NULL,
    text_body       MEDIUMTEXT   NOT NULL,
    html_body       MEDIUMTEXT   NULL,
    kind            VARCHAR(40)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)  NOT NULL,
    next_attempt_at DATETIME(6)  NULL,
    sent_at         DATETIME(6)  NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY mail_outbox_message_id (message_id),
    KEY mail_outbox_due (status, next_attempt_at),
    KEY mail_outbox_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
