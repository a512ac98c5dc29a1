package io.caesarrest.finder.output;

import java.util.function.Function;

/**
 * A named catalog column with its unit, VOTable datatype and value extractor.
 *
 * @param <T> the row type
 * @param name the snake_case column name
 * @param unit the unit (empty when dimensionless)
 * @param datatype the VOTable datatype: {@code char}, {@code int} or {@code double}
 * @param value extracts the value from a row
 */
public record Column<T>(String name, String unit, String datatype, Function<T, Object> value) {

}
