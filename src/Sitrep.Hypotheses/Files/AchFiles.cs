using System.Globalization;
using CsvHelper;
using Sitrep.Errors;
using Sitrep.Hypotheses.Matrix;

namespace Sitrep.Hypotheses.Files;

/// <summary>The analyst's files: hypotheses (YAML or Markdown list) and rating overrides (CSV).</summary>
public static class AchFiles
{
    /// <summary>
    /// Reads hypotheses from a Markdown list (<c>- text</c>, <c>* text</c>, <c>1. text</c>) or a YAML list
    /// (<c>- text</c>, <c>- text: …</c>, optionally <c>id: H7</c> lines). Blank lines, headings and comments are skipped.
    /// </summary>
    public static IReadOnlyList<Hypothesis> ReadHypotheses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hypotheses = new List<Hypothesis>();
        string? pendingId = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line == "---" || line.StartsWith("hypotheses:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var item = line;
            var isItem = false;
            if (item.StartsWith("- ", StringComparison.Ordinal) || item.StartsWith("* ", StringComparison.Ordinal))
            {
                item = item[2..].Trim();
                isItem = true;
            }
            else if (item.Length > 2 && char.IsDigit(item[0]) && item.IndexOf(". ", StringComparison.Ordinal) is > 0 and < 4 and var dot)
            {
                item = item[(dot + 2)..].Trim();
                isItem = true;
            }

            if (item.StartsWith("id:", StringComparison.OrdinalIgnoreCase))
            {
                pendingId = Unquote(item[3..]);
                continue;
            }

            if (item.StartsWith("text:", StringComparison.OrdinalIgnoreCase))
            {
                item = item[5..];
                isItem = true;
            }

            if (!isItem)
            {
                continue;
            }

            var value = Unquote(item);
            if (value.Length > 0)
            {
                var id = pendingId ?? "U" + (hypotheses.Count + 1).ToString(CultureInfo.InvariantCulture);
                hypotheses.Add(new Hypothesis(id, value, HypothesisOrigin.User, []));
                pendingId = null;
            }
        }

        return hypotheses;
    }

    /// <summary>Reads rating overrides: CSV with columns <c>evidence,hypothesis,rating[,reason]</c>.</summary>
    /// <exception cref="SitrepException">A rating is not one of CC, C, N, I, II, NA.</exception>
    public static IReadOnlyDictionary<(string Evidence, string Hypothesis), Cell> ReadRatingsText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ratings = new Dictionary<(string, string), Cell>();
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { Separator = ',', TrimWhitespace = true, TrackLineNumbers = true });
        while (csv.Read())
        {
            var evidence = csv.GetString(0);
            var hypothesis = csv.GetString(1);
            var code = csv.GetString(2);
            var rating = RatingCodes.Parse(code) ?? throw SitrepErrors.BadOption.Exception($"ratings file line {csv.LineNumber}", code, "one of CC, C, N, I, II, NA");
            var reason = csv.FieldCount > 3 && csv.GetString(3).Length > 0 ? csv.GetString(3) : "set by the analyst";
            ratings[(evidence, hypothesis)] = new Cell(rating, reason, Overridden: true);
        }

        return ratings;
    }

    private static string Unquote(string value)
    {
        var v = value.Trim();
        if (v.Length >= 2 && ((v[0] == '"' && v[^1] == '"') || (v[0] == '\'' && v[^1] == '\'')))
        {
            v = v[1..^1];
        }

        return v.Trim();
    }
}
