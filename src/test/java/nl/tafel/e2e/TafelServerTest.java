package nl.tafel.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.tafel.TestConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Tafel on a real port with the demo association; all end-to-end tests share this one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tafel.test.demo-data=true", "vaadin.devmode.devTools.enabled=false"})
@Import(TestConfig.class)
@interface TafelServerTest {
}
