package io.jcompose.model.api;

/**
 * An {@code env_file} entry of a service.
 *
 * @param path absolute path of the file
 * @param required whether a missing file is an error
 * @param format file format, null for the default dotenv syntax
 */
public record EnvFileRef(String path, boolean required, String format) {}
