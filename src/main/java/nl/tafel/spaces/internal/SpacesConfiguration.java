package nl.tafel.spaces.internal;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpacesSettings.class)
class SpacesConfiguration {

    /** Local disk by default, under the data directory; {@code tafel.spaces.blob-dir} moves it. */
    @Bean
    BlobStore blobStore(@Value("${tafel.spaces.blob-dir:${tafel.data-dir}/blobs}") Path directory,
            java.time.Clock clock) {
        return new LocalBlobStore(directory, clock);
    }
}
