package org.stackscope.core.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a settings class as a user-facing setting. The field's initial value is the default. From these
 * annotations Stackscope derives the CLI's {@code --set key=value}, the JSON in recipes and results, the
 * {@code analyses} listing and the settings form in the workbench. Supported field types: double, int, long, boolean,
 * String and enums.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Setting {

    String label();

    /** Unit shown next to the value (lab units, e.g. "µm", "MPa"); empty when dimensionless. */
    String unit() default "";

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    String description() default "";
}
