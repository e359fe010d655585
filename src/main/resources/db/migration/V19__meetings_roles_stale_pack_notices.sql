-- Standing items have a role (what they are for), not a recognised title: renaming "Actielijst" or writing the agenda
-- in English keeps the open actions under it. Existing items and templates get their role once, from the Dutch titles
-- the association has always used.
alter table agenda_item add column role varchar(30) null;
alter table series_item add column role varchar(30) null;

update agenda_item set role = case
        when lower(trim(title)) like 'opening%' then 'OPENING'
        when lower(trim(title)) like 'notulen vorige%' then 'PREVIOUS_MINUTES'
        when lower(trim(title)) = 'actielijst' then 'ACTIONS'
        when lower(trim(title)) like 'ingekomen stukken%' then 'ANNOUNCEMENTS'
        when lower(trim(title)) = 'rondvraag' then 'QUESTIONS'
        when lower(trim(title)) = 'sluiting' then 'CLOSING'
        else null end
    where standing = true;

update series_item set role = case
        when lower(trim(title)) like 'opening%' then 'OPENING'
        when lower(trim(title)) like 'notulen vorige%' then 'PREVIOUS_MINUTES'
        when lower(trim(title)) = 'actielijst' then 'ACTIONS'
        when lower(trim(title)) like 'ingekomen stukken%' then 'ANNOUNCEMENTS'
        when lower(trim(title)) = 'rondvraag' then 'QUESTIONS'
        when lower(trim(title)) = 'sluiting' then 'CLOSING'
        else null end;

-- The agenda pack is never silently stale: a change after publication marks it "verouderd" at once and asks for a
-- rebuild a little later (the last change of a burst counts).
alter table agenda_pack add column stale_since datetime(6) null;
alter table agenda_pack add column rebuild_after datetime(6) null;

-- Change notices to the invitees: the changes up to last_change_id were told; the next notice goes out at due_at
-- (a while after the last change, so that a burst of changes makes one mail).
create table agenda_notice (
    meeting_id     uuid        not null primary key,
    last_change_id bigint      not null default 0,
    due_at         datetime(6) null,
    sent           int         not null default 0,
    constraint fk_notice_meeting foreign key (meeting_id) references meeting (id) on delete cascade,
    index ix_notice_due (due_at)
) engine = InnoDB default charset = utf8mb4;

-- A change's words may carry an old and a new value ("19:30 → 20:00").
alter table agenda_change modify argument varchar(600) null;
