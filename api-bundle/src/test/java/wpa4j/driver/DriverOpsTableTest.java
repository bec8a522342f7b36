package wpa4j.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/driver-ops.md against the reference op list (hostap 2.0) and against the API by reflection. */
class DriverOpsTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| `([a-z0-9_]+)` \\| `(\\w+)(?:#(\\w+)\\(([^)]*)\\))?`(?: \\(service\\))? \\| (\\w+) \\|");
    private static final Map<String, Class<?>> TYPES = Map.of("DriverInterface", DriverInterface.class, "WifiDriver", WifiDriver.class);

    record Row(String op, String type, String method, List<String> params, String kind) {}

    static List<String> referenceOps() throws IOException {
        try (InputStream in = DriverOpsTableTest.class.getResourceAsStream("/driver-ops-2.0.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("\t")[0])
                    .toList();
        }
    }

    static List<Row> tableRows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "driver-ops.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                List<String> params = m.group(5) == null || m.group(5).isBlank() ? List.of() : Arrays.asList(m.group(5).split(",\\s*"));
                rows.add(new Row(m.group(2), m.group(3), m.group(4), params, m.group(6)));
            } else if (line.startsWith("| ") && !line.startsWith("| #")) {
                fail("table row not understood: " + line);
            }
        }
        return rows;
    }

    @Test
    void tableListsExactlyThe110OpsInCOrder() throws IOException {
        List<String> reference = referenceOps();
        assertEquals(110, reference.size(), "reference list");
        assertEquals(reference, tableRows().stream().map(Row::op).toList());
    }

    @Test
    void apiCoversEveryOpOnce() throws IOException {
        assertEquals(List.copyOf(referenceOps()).stream().sorted().toList(), DriverOps.names().stream().sorted().toList());
    }

    @Test
    void everyRowNamesAnAnnotatedJavaElementOfTheRightKind() throws Exception {
        for (Row row : tableRows()) {
            Class<?> type = TYPES.get(row.type());
            assertTrue(type != null, row + ": unknown type");
            AnnotatedElement element = row.method() == null ? type : method(type, row);
            DriverOp op = element.getAnnotation(DriverOp.class);
            assertTrue(op != null && Arrays.asList(op.value()).contains(row.op()), row + ": " + element + " lacks @DriverOp(\"" + row.op() + "\")");
            if (element instanceof Method m && type == DriverInterface.class && !m.getName().equals("close")) {
                assertEquals(m.isDefault() ? "optional" : "mandatory", row.kind(), row.toString());
            }
        }
    }

    private static Method method(Class<?> type, Row row) {
        List<Method> matches = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(row.method()))
                .filter(m -> Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList().equals(row.params()))
                .toList();
        assertEquals(1, matches.size(), row + ": methods matching");
        return matches.get(0);
    }
}
