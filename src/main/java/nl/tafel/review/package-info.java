/**
 * Review: board members prepare a meeting. The prepare view reads every paper of the agenda in the browser (pdf.js as
 * static files), keeps a reading status per member and document version ("gelezen", "gewijzigd sinds gelezen"),
 * private notes per document and page (optionally shared with the space), and questions per agenda item for the
 * chair and the secretary (or for everyone). The secretary and the chair see who has read what; members with
 * unread papers get one reminder mail before the meeting.
 * <p>It uses the meetings module (agenda, access to meetings), invitations (who is invited), spaces (documents and
 * versions) and mail. The minutes module shows the questions next to its items; review never depends on minutes.
 */
@ApplicationModule(displayName = "Review")
@NullMarked
package nl.tafel.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
