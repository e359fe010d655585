package nl.tafel.members.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrganisationRepository extends JpaRepository<OrganisationEntity, Long> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

    List<OrganisationEntity> findAllByOrderByNameAsc();

    @Query("select p.organisation.id, count(p) from PersonEntity p where p.organisation is not null group by p.organisation.id")
    List<Object[]> countPeoplePerOrganisation();
}
