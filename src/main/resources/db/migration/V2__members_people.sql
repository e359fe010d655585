-- People, their organisations (koepels) and the groups they sit in.
CREATE TABLE organisation (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(200) NOT NULL,
    description VARCHAR(2000) NULL,
    website     VARCHAR(500) NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY organisation_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE person (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    email           VARCHAR(254) NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    organisation_id BIGINT       NULL,
    function_title  VARCHAR(200) NULL,
    phone           VARCHAR(40)  NULL,
    app_role        VARCHAR(20)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    locale          VARCHAR(8)   NOT NULL DEFAULT 'nl',
    password_hash   VARCHAR(255) NULL,
    created_at      DATETIME(6)  NOT NULL,
    activated_at    DATETIME(6)  NULL,
    deactivated_at  DATETIME(6)  NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY person_email (email),
    KEY person_organisation (organisation_id),
    CONSTRAINT person_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE member_group (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    description VARCHAR(2000) NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY member_group_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE group_membership (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    group_id   BIGINT      NOT NULL,
    person_id  BIGINT      NOT NULL,
    group_role VARCHAR(20) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY group_membership_person (group_id, person_id),
    KEY group_membership_by_person (person_id),
    CONSTRAINT group_membership_group_fk FOREIGN KEY (group_id) REFERENCES member_group (id) ON DELETE CASCADE,
    CONSTRAINT group_membership_person_fk FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
