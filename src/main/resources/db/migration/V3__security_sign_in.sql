-- Spring Security's one-time tokens (activation and reset links) and failed sign-in attempts.
CREATE TABLE one_time_tokens (
    token_value VARCHAR(36)  NOT NULL,
    username    VARCHAR(254) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (token_value),
    KEY one_time_tokens_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE failed_sign_in (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    username     VARCHAR(254) NOT NULL,
    attempted_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY failed_sign_in_user_time (username, attempted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
