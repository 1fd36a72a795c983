using System.Globalization;
using System.Text;
using System.Xml;

namespace Sitrep.Corroboration.Evaluation;

/// <summary>One ECB+ document rebuilt as text from its tokens.</summary>
/// <param name="Name">File name without <c>.xml</c> (<c>20_1ecbplus</c>).</param>
/// <param name="Text">The text: one line per ECB+ sentence, tokens joined as the original spacing most likely was.</param>
/// <param name="Url">The page address that <c>*ecbplus.xml</c> files give as sentence 0, or null.</param>
public sealed record EcbPlusDocument(string Name, string Text, string? Url)
{
    /// <summary>True for the newer <c>*ecbplus.xml</c> component, false for the original ECB documents.</summary>
    public bool IsEcbPlus => Name.EndsWith("ecbplus", StringComparison.Ordinal);
}

/// <summary>
/// Reads the documents of one ECB+ topic (CAT/CROMER XML: <c>&lt;token t_id sentence number&gt;</c> elements, then
/// annotations, which are not needed here).
/// </summary>
/// <remarks>
/// The text is rebuilt from tokens: a space between tokens except before closing punctuation and clitics
/// (<c>, . ; : ! ? ) 's n't ” %</c>) and after opening ones (<c>( $ “</c>), contractions split at the apostrophe
/// (<c>hadn ’ t</c>, <c>office ’ s</c>) are written whole (<c>hadn’t</c>), so that the readers meet them as written; numbers the ECB+ tokenizer split
/// (<c>6 . 1</c>, <c>120 , 000</c>, <c>1 : 53</c>) and hyphenated words (<c>south - west</c>) are joined again. Sentence 0
/// of an <c>*ecbplus.xml</c> file is the page address, kept as <see cref="EcbPlusDocument.Url"/> and left out of the
/// text. Gold snippets are compared with white space removed, so this spacing only has to be plausible.
/// </remarks>
public static class EcbPlusTopic
{
    private static readonly HashSet<string> NoSpaceBefore = new(StringComparer.Ordinal) { ",", ".", ":", ";", "!", "?", ")", "'s", "n't", "’s", "n’t", "%", "'", "]", "}", "''", "”" };
    private static readonly HashSet<string> NoSpaceAfter = new(StringComparer.Ordinal) { "(", "$", "[", "{", "``", "“" };

    /// <summary>The folder of a topic: <paramref name="root"/> may be the ECB+ release folder or its <c>ECB+</c> subfolder.</summary>
    public static string? FolderOf(string root, int topic)
    {
        ArgumentNullException.ThrowIfNull(root);
        var name = topic.ToString(CultureInfo.InvariantCulture);
        foreach (var candidate in new[] { Path.Combine(root, "ECB+", name), Path.Combine(root, name) })
        {
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads every <c>*.xml</c> document of a topic folder, in name order.</summary>
    /// <exception cref="InvalidDataException">A file is not ECB+ XML.</exception>
    public static IReadOnlyList<EcbPlusDocument> Read(string folder) =>
        [.. Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).Select(ReadDocument)];

    /// <summary>Reads one ECB+ XML file.</summary>
    /// <exception cref="InvalidDataException">The file is not ECB+ XML.</exception>
    public static EcbPlusDocument ReadDocument(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sentences = new SortedDictionary<int, List<string>>();
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Name != "token")
                {
                    continue;
                }

                var sentence = int.Parse(reader.GetAttribute("sentence") ?? throw new InvalidDataException("a token has no sentence attribute"), CultureInfo.InvariantCulture);
                var text = reader.ReadElementContentAsString();
                if (!sentences.TryGetValue(sentence, out var tokens))
                {
                    sentences[sentence] = tokens = [];
                }

                tokens.Add(text);
            }
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"'{path}' is not ECB+ XML: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"'{path}' has a token with a bad sentence number: {ex.Message}", ex);
        }

        var name = Path.GetFileNameWithoutExtension(path);
        string? url = null;
        var lines = new List<string>();
        foreach (var (number, tokens) in sentences)
        {
            if (number == 0 && name.EndsWith("ecbplus", StringComparison.Ordinal) && tokens.Exists(t => t.Contains("http", StringComparison.Ordinal) || t.Contains("www", StringComparison.Ordinal)))
            {
                url = string.Concat(tokens);
                continue;
            }

            lines.Add(Join(tokens));
        }

        return new EcbPlusDocument(name, string.Join('\n', lines), url);
    }

    /// <summary>Joins one sentence's tokens (rules in the remarks of <see cref="EcbPlusTopic"/>).</summary>
    public static string Join(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var text = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && SpaceBefore(tokens, i))
            {
                text.Append(' ');
            }

            text.Append(tokens[i]);
        }

        return text.ToString();
    }

    private static bool SpaceBefore(IReadOnlyList<string> t, int i) => Sitrep.Text.TokenSpacing.SpaceBefore(t, i, NoSpaceBefore, NoSpaceAfter);
}

/// <summary>Finds a snippet in a text with all white space ignored, returning character ranges of the original text.</summary>
public static class SnippetLocator
{
    /// <summary>Every occurrence of <paramref name="snippet"/> in <paramref name="text"/> as (start, end) of the original text.</summary>
    public static IReadOnlyList<(int Start, int End)> FindAll(string text, string snippet)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(snippet);
        var (compact, map) = Compact(text);
        var needle = Compact(snippet).Text;
        var found = new List<(int, int)>();
        if (needle.Length == 0)
        {
            return found;
        }

        for (var at = compact.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = compact.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            found.Add((map[at], map[at + needle.Length - 1] + 1));
        }

        return found;
    }

    private static (string Text, int[] Map) Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                builder.Append(text[i]);
                map.Add(i);
            }
        }

        return (builder.ToString(), [.. map]);
    }
}
