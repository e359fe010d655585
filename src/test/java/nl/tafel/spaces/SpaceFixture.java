package nl.tafel.spaces;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.PersonId;

/**
 * A fresh space for a test: the secretary manages it, the member contributes, the reader reads; the outsider is not
 * in it. Each space gets a unique name so tests never see each other's data.
 */
record SpaceFixture(SpaceId id, FolderId root, String name) {

    static SpaceFixture create(RunAs as, SpaceService spaces, AccountDirectory accounts) {
        String name = "Testruimte " + UUID.randomUUID().toString().substring(0, 8);
        return as.call(SECRETARY, () -> {
            SpaceId id = spaces.create(name, "Voor een test");
            spaces.setMember(id, person(accounts, MEMBER), SpaceRole.CONTRIBUTOR);
            spaces.setMember(id, person(accounts, READER), SpaceRole.READER);
            return new SpaceFixture(id, spaces.get(id).rootFolder(), name);
        });
    }

    static PersonId person(AccountDirectory accounts, String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    static InputStream sample(String name) {
        InputStream in = SpaceFixture.class.getResourceAsStream("/samples/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("No sample " + name));
        }
        return in;
    }

    static byte[] sampleBytes(String name) {
        try (InputStream in = sample(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
