package nl.tafel.sharepoint.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SharePointSettings.class)
class SharePointConfiguration {
}
