using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// The JSON form of a stored document layer, shared by every <see cref="IPersistedStage"/>: enums by name (a reordered
/// enum cannot change what a stored layer means), nulls and computed properties left out, ranges as
/// <c>[start, end]</c> and spans as <c>["doc", start, end]</c>.
/// </summary>
/// <remarks>
/// Layers are records whose positional properties have init setters, so reflection serialization round-trips them;
/// <see cref="TextRange"/> and <see cref="Span"/> validate in their constructors and get converters of their own.
/// </remarks>
public static class LayerJson
{
    /// <summary>The serializer options every stored layer is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes <paramref name="layer"/> as JSON.</summary>
    public static string Serialize<T>(T layer) => JsonSerializer.Serialize(layer, Options);

    /// <summary>Reads a layer written by <see cref="Serialize{T}"/>; null when the text is not such a layer.</summary>
    public static T? TryDeserialize<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            // A range or span whose bounds its constructor refuses: the layer is damaged, not a crash.
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            IgnoreReadOnlyProperties = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new TextRangeConverter());
        options.Converters.Add(new SpanConverter());
        options.MakeReadOnly();
        return options;
    }

    private sealed class TextRangeConverter : JsonConverter<TextRange>
    {
        public override TextRange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            var start = ReadInt(ref reader);
            var end = ReadInt(ref reader);
            reader.Read();
            Expect(ref reader, JsonTokenType.EndArray);
            return new TextRange(start, end);
        }

        public override void Write(Utf8JsonWriter writer, TextRange value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Start);
            writer.WriteNumberValue(value.End);
            writer.WriteEndArray();
        }
    }

    private sealed class SpanConverter : JsonConverter<Span>
    {
        public override Span Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            reader.Read();
            Expect(ref reader, JsonTokenType.String);
            var id = reader.GetString()!;
            var start = ReadInt(ref reader);
            var end = ReadInt(ref reader);
            reader.Read();
            Expect(ref reader, JsonTokenType.EndArray);
            return new Span(id, start, end);
        }

        public override void Write(Utf8JsonWriter writer, Span value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(value.DocumentId);
            writer.WriteNumberValue(value.Start);
            writer.WriteNumberValue(value.End);
            writer.WriteEndArray();
        }
    }

    private static int ReadInt(ref Utf8JsonReader reader)
    {
        reader.Read();
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetInt32();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type}, found {reader.TokenType}.");
        }
    }
}
