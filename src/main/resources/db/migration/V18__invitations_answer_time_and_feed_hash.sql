-- Invitations: an answer remembers the meeting time it was given for, so that after a change of time it shows as
-- given before the change (and the quorum forecast can say how many such answers there are).
alter table invitee add column answered_starts_at datetime(6) null;
alter table invitee add column answered_ends_at datetime(6) null;

-- Calendar feed addresses are found by the SHA-256 of their token in a binary column: compared byte for byte, so a
-- token typed in other case no longer matches (the old column had a case-insensitive collation).
alter table calendar_feed add column token_hash binary(32) null;
update calendar_feed set token_hash = unhex(sha2(token, 256));
alter table calendar_feed modify column token_hash binary(32) not null;
alter table calendar_feed add unique key ux_calendar_feed_token_hash (token_hash);
alter table calendar_feed drop key ux_calendar_feed_token;
-- the token itself is kept only to show the person their own address again; it is no longer searched
alter table calendar_feed modify column token varchar(64) character set ascii collate ascii_bin not null;
