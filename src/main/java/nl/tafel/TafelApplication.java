package nl.tafel;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Tafel: the shared table for boards, working groups and their members.
 */
@SpringBootApplication
@EnableScheduling
@EnableAsync
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/tafel.css")
@StyleSheet("styles/news.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@com.vaadin.flow.component.page.Push
public class TafelApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (nl.tafel.operations.OperationsCommands.handles(args)) {
            System.exit(nl.tafel.operations.OperationsCommands.run(args, System.out));
        }
        SpringApplication.run(TafelApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
