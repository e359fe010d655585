/**
 * Mail: the outbound mail port. Every mail is written to an outbox in the transaction that causes it and sent
 * after commit, retried with backoff, never twice under one Message-ID; without SMTP it is kept for administrators.
 */
@ApplicationModule(displayName = "Mail")
@NullMarked
package nl.tafel.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
