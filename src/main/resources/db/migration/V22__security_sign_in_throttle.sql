-- Sign-in throttling per address as well as per account (issue 18, ADR 0021): growing delays instead of a lock.
ALTER TABLE failed_sign_in
    ADD COLUMN address VARCHAR(45) NULL,
    ADD KEY failed_sign_in_address_time (address, attempted_at);
