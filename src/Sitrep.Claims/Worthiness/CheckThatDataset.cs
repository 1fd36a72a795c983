using System.Text;

namespace Sitrep.Claims.Worthiness;

/// <summary>One sentence of a CheckThat! 2019 task 1 debate.</summary>
/// <param name="Debate">The debate's file name (<c>20160926_1pres.tsv</c>).</param>
/// <param name="Line">Line number within the debate.</param>
/// <param name="Speaker">Who said it.</param>
/// <param name="Text">The sentence.</param>
/// <param name="CheckWorthy">True when the lab labelled it a check-worthy claim.</param>
public sealed record CheckThatSentence(string Debate, int Line, string Speaker, string Text, bool CheckWorthy);

/// <summary>
/// Reads the CheckThat! 2019 task 1 training file (<c>line_number,speaker,text,label,file_name</c>) and splits it by
/// debate: a fixed quarter of the debates is the development part on which every setting is chosen; the rest trains.
/// </summary>
public static class CheckThatDataset
{
    /// <summary>The debates of the development part (every fourth debate in name order, starting with the second).</summary>
    public static IReadOnlySet<string> DevelopmentDebates(IEnumerable<CheckThatSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var debates = sentences.Select(s => s.Debate).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return debates.Where((_, i) => i % 4 == 1).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Splits the sentences into the training and development parts.</summary>
    public static (IReadOnlyList<CheckThatSentence> Train, IReadOnlyList<CheckThatSentence> Dev) Split(IReadOnlyList<CheckThatSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var dev = DevelopmentDebates(sentences);
        return ([.. sentences.Where(s => !dev.Contains(s.Debate))], [.. sentences.Where(s => dev.Contains(s.Debate))]);
    }

    /// <summary>Reads the CSV file.</summary>
    /// <exception cref="InvalidDataException">The header or a row is not in the expected form.</exception>
    public static IReadOnlyList<CheckThatSentence> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = ReadRecord(reader);
        if (header is null || !header.SequenceEqual(["line_number", "speaker", "text", "label", "file_name"], StringComparer.Ordinal))
        {
            throw new InvalidDataException($"'{path}' does not start with the header line_number,speaker,text,label,file_name");
        }

        var sentences = new List<CheckThatSentence>();
        while (ReadRecord(reader) is { } row)
        {
            if (row.Count != 5 || !int.TryParse(row[0], out var line) || row[3] is not ("0" or "1"))
            {
                throw new InvalidDataException($"'{path}': bad row {sentences.Count + 2}: {string.Join(',', row)}");
            }

            sentences.Add(new CheckThatSentence(row[4], line, row[1], row[2], row[3] == "1"));
        }

        return sentences;
    }

    /// <summary>One RFC 4180 record (quoted fields may hold commas, doubled quotes and line breaks), or null at the end.</summary>
    private static List<string>? ReadRecord(TextReader reader)
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                fields.Add(field.ToString());
                return fields;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append((char)reader.Read());
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append((char)c);
                    break;
            }
        }
    }
}
