package nl.tafel.members.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PersonRepository extends JpaRepository<PersonEntity, Long> {

    Optional<PersonEntity> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByEmailAndIdNot(String email, Long id);

    /** The administrators who can still sign in, locked until the end of the transaction. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PersonEntity p where p.role = nl.tafel.members.AppRole.ADMINISTRATOR"
            + " and p.status <> nl.tafel.members.PersonStatus.DEACTIVATED")
    List<PersonEntity> lockActiveAdministrators();

    @Query("select p from PersonEntity p where p.role = nl.tafel.members.AppRole.ADMINISTRATOR"
            + " and p.status = nl.tafel.members.PersonStatus.ACTIVE")
    List<PersonEntity> findActiveAdministrators();

    long countByOrganisationId(Long organisationId);

    @EntityGraph(attributePaths = "organisation")
    @Query("""
            select p from PersonEntity p left join p.organisation o
            where :text = ''
               or lower(p.fullName) like concat('%', :text, '%')
               or lower(p.email) like concat('%', :text, '%')
               or lower(o.name) like concat('%', :text, '%')
               or lower(p.function) like concat('%', :text, '%')
            """)
    Page<PersonEntity> search(@Param("text") String text, Pageable pageable);

    /** Candidates for the directory: active or invited people whose name, organisation or function matches. */
    @EntityGraph(attributePaths = "organisation")
    @Query("""
            select p from PersonEntity p left join p.organisation o
            where p.status <> nl.tafel.members.PersonStatus.DEACTIVATED
              and (:text = ''
               or lower(p.fullName) like concat('%', :text, '%')
               or lower(o.name) like concat('%', :text, '%')
               or lower(p.function) like concat('%', :text, '%'))
            order by p.fullName
            """)
    List<PersonEntity> directoryCandidates(@Param("text") String text, Pageable pageable);

    @EntityGraph(attributePaths = "organisation")
    @Query("""
            select p from PersonEntity p where p.organisation.id = :organisationId
              and p.status <> nl.tafel.members.PersonStatus.DEACTIVATED order by p.fullName""")
    List<PersonEntity> activeInOrganisation(@Param("organisationId") long organisationId);
}
