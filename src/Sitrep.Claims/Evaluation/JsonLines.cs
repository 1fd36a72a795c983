using System.Text.Json;

namespace Sitrep.Claims.Evaluation;

/// <summary>Reads the JSONL gold files: one item a line, blank lines skipped, errors naming the file and line.</summary>
internal static class JsonLines
{
    /// <summary>The options every gold file is read with.</summary>
    public static JsonSerializerOptions Options { get; } = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads <paramref name="path"/>, making each non-blank line an item with <paramref name="parse"/>.</summary>
    /// <exception cref="InvalidDataException">A line is not valid JSON or <paramref name="parse"/> rejects it.</exception>
    public static List<T> Read<T>(string path, Func<string, T> parse)
    {
        var items = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                items.Add(parse(line));
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException)
            {
                throw new InvalidDataException($"{path}:{number}: {ex.Message}", ex);
            }
        }

        return items;
    }
}
