package wpa4j.driver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@code struct wpa_driver_ops} member(s) of hostap 2.0 a method (or, for the global
 * lifecycle, a type) stands for. Read at run time by {@link DriverOps} and by the test that checks
 * {@code docs/driver-ops.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DriverOp {
    /** The C op names, e.g. {@code "set_key"}. */
    String[] value();
}
