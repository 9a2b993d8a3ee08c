package io.rtcgate.emulator.tencent;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;
import java.io.IOException;

/**
 * Writes JSON the way Tencent's callback servers lay it out (cJSON's formatted print, as in the signed
 * examples of vendors.md §2.6): each object entry on its own line indented by tabs, a tab between a name
 * and its value, arrays on one line with {@code ", "} between values. The receiver must hash these exact
 * bytes, so the emulator sends them rather than compact JSON.
 */
final class CjsonPrettyPrinter implements PrettyPrinter, Instantiatable<CjsonPrettyPrinter> {

    /** How deep the generator is in objects and arrays; cJSON counts both. */
    private int depth;

    @Override
    public CjsonPrettyPrinter createInstance() {
        // The depth is per document, so every write gets its own printer.
        return new CjsonPrettyPrinter();
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator generator) {
        // One document per body: nothing separates root values.
    }

    @Override
    public void writeStartObject(JsonGenerator generator) throws IOException {
        generator.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator generator) throws IOException {
        newLine(generator, depth);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(":\t");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(',');
        newLine(generator, depth);
    }

    @Override
    public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
        depth--;
        if (entries > 0) {
            newLine(generator, depth);
        }
        generator.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator generator) throws IOException {
        generator.writeRaw('[');
        depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator generator) {
        // Values follow the bracket directly.
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(", ");
    }

    @Override
    public void writeEndArray(JsonGenerator generator, int values) throws IOException {
        depth--;
        generator.writeRaw(']');
    }

    private static void newLine(JsonGenerator generator, int tabs) throws IOException {
        generator.writeRaw('\n');
        for (int i = 0; i < tabs; i++) {
            generator.writeRaw('\t');
        }
    }
}
