package nl.tafel.members.ui;

import java.util.Locale;
import nl.tafel.members.AppRole;
import nl.tafel.members.OrganisationDetails;
import nl.tafel.members.PersonDetails;
import nl.tafel.members.PersonDraft;
import nl.tafel.shared.i18n.TafelI18NProvider;

/** The buffered form bean behind the person dialog (never an entity). */
class PersonForm {

    private String fullName = "";
    private String email = "";
    private OrganisationDetails organisation;
    private String function = "";
    private String phone = "";
    private AppRole role = AppRole.MEMBER;
    private Locale locale = TafelI18NProvider.DUTCH;

    static PersonForm of(PersonDetails p, java.util.List<OrganisationDetails> organisations) {
        PersonForm f = new PersonForm();
        f.fullName = p.fullName();
        f.email = p.email();
        f.organisation = organisations.stream().filter(o -> p.organisationId() != null
                && o.id() == p.organisationId()).findFirst().orElse(null);
        f.function = p.function() == null ? "" : p.function();
        f.phone = p.phone() == null ? "" : p.phone();
        f.role = p.role();
        f.locale = TafelI18NProvider.supported(p.locale());
        return f;
    }

    PersonDraft toDraft() {
        return new PersonDraft(fullName, email, organisation == null ? null : organisation.id(), function, phone,
                role, locale);
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public OrganisationDetails getOrganisation() {
        return organisation;
    }

    public void setOrganisation(OrganisationDetails organisation) {
        this.organisation = organisation;
    }

    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public AppRole getRole() {
        return role;
    }

    public void setRole(AppRole role) {
        this.role = role;
    }

    public Locale getLocale() {
        return locale;
    }

    public void setLocale(Locale locale) {
        this.locale = locale;
    }
}
