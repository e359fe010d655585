-- The name the pack's document was stored under: the next build adds a version to that document while the pack's
-- name (the meeting's date and title) is unchanged, without looking the document up first.
alter table agenda_pack add column document_name varchar(255) null;
