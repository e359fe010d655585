-- SharePoint sync: room for every name SharePoint allows, and problems that remember the item's state.
-- A remote name may be longer than Tafel's own names (SharePoint limits the whole path to 400 characters; a name of
-- 255 UTF-16 units takes more bytes in utf8mb4), so the remote side's names get 400 characters.
alter table sharepoint_item modify remote_name varchar(400) not null;
alter table sharepoint_item modify local_name varchar(400) not null;

-- A refusal that cannot succeed as things stand (a name SharePoint refuses, a file type Tafel refuses) records the
-- item's state (its eTag, or its local name and version): the item is tried again only after that changes.
-- The reason is a translation key; its arguments are kept beside it.
alter table sharepoint_problem add column fingerprint varchar(600) null;
alter table sharepoint_problem add column arguments varchar(2000) null;

-- When a change was last made in the linked space: a change made while a pass ran brings the next pass right after.
alter table sharepoint_link add column local_change_at datetime(6) null;
