-- Member directory (ledengids): what a person tells about themselves, who may see each part, and their photo.
ALTER TABLE person
    ADD COLUMN bio                     VARCHAR(2000) NULL,
    ADD COLUMN function_visibility     VARCHAR(20)   NOT NULL DEFAULT 'EVERYONE',
    ADD COLUMN organisation_visibility VARCHAR(20)   NOT NULL DEFAULT 'EVERYONE',
    ADD COLUMN email_visibility        VARCHAR(20)   NOT NULL DEFAULT 'SPACE_MEMBERS',
    ADD COLUMN phone_visibility        VARCHAR(20)   NOT NULL DEFAULT 'SPACE_MEMBERS',
    ADD COLUMN bio_visibility          VARCHAR(20)   NOT NULL DEFAULT 'EVERYONE',
    ADD COLUMN photo_visibility        VARCHAR(20)   NOT NULL DEFAULT 'EVERYONE';

CREATE TABLE person_photo (
    person_id  BIGINT      NOT NULL,
    media_type VARCHAR(40) NOT NULL,
    content    MEDIUMBLOB  NOT NULL,
    sha256     CHAR(64)    NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (person_id),
    CONSTRAINT person_photo_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
