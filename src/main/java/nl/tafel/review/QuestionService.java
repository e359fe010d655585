package nl.tafel.review;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.review.internal.QuestionEntity;
import nl.tafel.review.internal.QuestionRepository;
import nl.tafel.review.internal.ReviewAccess;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions to agenda items, asked before the meeting by those who prepare it. A question is seen by its asker and
 * by those who lead the meeting (chair, secretaries, minute taker), or by everyone who sees the meeting when the
 * asker chooses so. Those who lead the meeting mark questions answered; the minutes editor shows them per item.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class QuestionService {

    static final int MAX_LENGTH = 2000;

    private final QuestionRepository questions;
    private final ReviewAccess access;
    private final AgendaService agenda;
    private final PeopleDirectory people;
    private final Clock clock;

    QuestionService(QuestionRepository questions, ReviewAccess access, AgendaService agenda, PeopleDirectory people,
            Clock clock) {
        this.questions = questions;
        this.access = access;
        this.agenda = agenda;
        this.people = people;
        this.clock = clock;
    }

    /** Questions can be asked while a published meeting has not started. */
    static boolean open(MeetingDetails meeting, Instant now) {
        return meeting.status() == MeetingStatus.PUBLISHED && now.isBefore(meeting.startsAt());
    }

    /** Asks a question to an item of a meeting the person prepares. */
    @Transactional
    public Question ask(MeetingId id, AgendaItemId item, String text, QuestionVisibility visibility) {
        ReviewAccess.Context context = access.requirePrepare(id);
        if (!open(context.meeting(), clock.instant())) {
            throw new TafelException("review.error.questionsClosed");
        }
        if (!agenda.isItemOf(id, item)) {
            throw new TafelException("review.error.itemGone");
        }
        String body = Texts.plainText("question", text, MAX_LENGTH);
        if (body == null) {
            throw new FieldException("question", "review.error.emptyQuestion");
        }
        QuestionEntity question = questions.save(new QuestionEntity(id, item, context.me(), body, visibility,
                clock.instant()));
        return view(question, context, names(List.of(question)));
    }

    /** The questions of a meeting the person may see, per agenda item, in the order they were asked. */
    @Transactional(readOnly = true)
    public Map<AgendaItemId, List<Question>> byItem(MeetingId id) {
        ReviewAccess.Context context = access.of(id);
        List<QuestionEntity> visible = questions.findByMeetingIdOrderByAskedAtAscIdAsc(id.value()).stream()
                .filter(q -> visible(q, context)).toList();
        Map<PersonId, PersonName> names = names(visible);
        Map<AgendaItemId, List<Question>> result = new LinkedHashMap<>();
        for (QuestionEntity q : visible) {
            result.computeIfAbsent(q.itemId(), k -> new java.util.ArrayList<>()).add(view(q, context, names));
        }
        return result;
    }

    /** The questions to one item that the person may see. */
    @Transactional(readOnly = true)
    public List<Question> forItem(MeetingId id, AgendaItemId item) {
        return byItem(id).getOrDefault(item, List.of());
    }

    /** Marks a question answered (or open again); for those who lead the meeting. */
    @Transactional
    public void markAnswered(long questionId, boolean answered, long version) {
        QuestionEntity question = questions.findById(questionId)
                .orElseThrow(() -> new TafelException("review.error.questionGone"));
        ReviewAccess.Context context = access.of(question.meetingId());
        if (!visible(question, context)) {
            throw new TafelException("review.error.questionGone");
        }
        if (!context.leads()) {
            throw new TafelException("review.error.notLead");
        }
        if (question.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        question.answered(answered ? context.me() : null, answered ? clock.instant() : null);
    }

    /** The asker takes back an open question. */
    @Transactional
    public void withdraw(long questionId, long version) {
        QuestionEntity question = questions.findById(questionId)
                .filter(q -> q.askedBy().equals(CurrentUser.requirePersonId()))
                .orElseThrow(() -> new TafelException("review.error.questionGone"));
        access.of(question.meetingId());
        if (question.getAnsweredAt() != null) {
            throw new TafelException("review.error.questionAnswered");
        }
        if (question.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        questions.delete(question);
    }

    private static boolean visible(QuestionEntity q, ReviewAccess.Context context) {
        return q.askedBy().equals(context.me()) || context.leads() || q.getVisibility() == QuestionVisibility.ALL;
    }

    private Map<PersonId, PersonName> names(List<QuestionEntity> list) {
        Set<PersonId> ids = new HashSet<>();
        list.forEach(q -> {
            ids.add(q.askedBy());
            if (q.answeredBy() != null) {
                ids.add(q.answeredBy());
            }
        });
        return people.names(ids);
    }

    private static Question view(QuestionEntity q, ReviewAccess.Context context, Map<PersonId, PersonName> names) {
        PersonName asker = names.get(q.askedBy());
        PersonName answerer = q.answeredBy() == null ? null : names.get(q.answeredBy());
        return new Question(q.id(), q.itemId(), q.getBody(), asker == null ? "?" : asker.fullName(),
                q.askedBy().equals(context.me()), q.getVisibility(), q.getAskedAt(), q.getAnsweredAt(),
                answerer == null ? null : answerer.fullName(), context.leads(), q.getVersion());
    }
}
