package nl.tafel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TafelApplication.class);

    @Test
    void modulesKeepTheirRules() {
        modules.verify();
    }

    @Test
    void theModuleMapOfTheArchitectureExists() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "members", "security", "spaces", "meetings", "invitations", "review",
                        "minutes", "actions", "news", "mail", "sharepoint", "audit", "notifications");
    }

    @Test
    void writeDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
