package io.caesarrest.api.file;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload settings.
 *
 * @param maxSize largest accepted file; larger uploads get 413
 * @param allowedExtensions accepted file name extensions, lower case
 */
@ConfigurationProperties("caesar.upload")
public record UploadProperties(@DefaultValue("2GB") DataSize maxSize, @DefaultValue( {
		"fits", "png", "jpg", "jpeg", "gif" }) List<String> allowedExtensions){

}
