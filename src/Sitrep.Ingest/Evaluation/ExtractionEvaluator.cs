using System.Diagnostics;
using System.Text.Json;
using Sitrep.Ingest.Encoding;
using Sitrep.Ingest.Readers.Html;

namespace Sitrep.Ingest.Evaluation;

/// <summary>The truth of one page: an article body (benchmark format) or strings that must and must not appear.</summary>
/// <param name="Id">Page id (file name without <c>.html</c> / <c>.html.gz</c>).</param>
/// <param name="Body">The expected article body, or null.</param>
/// <param name="With">Strings the extraction must contain.</param>
/// <param name="Without">Strings the extraction must not contain.</param>
/// <param name="Url">The page's address, when given.</param>
public sealed record PageTruth(string Id, string? Body, IReadOnlyList<string> With, IReadOnlyList<string> Without, string? Url);

/// <summary>The scores of one evaluation.</summary>
/// <param name="Pages">Pages scored.</param>
/// <param name="Precision">Mean precision over pages (shingles), or segment precision.</param>
/// <param name="Recall">Mean recall over pages (shingles), or segment recall.</param>
/// <param name="Metric">"shingles" (benchmark) or "segments" (must / must-not strings).</param>
/// <param name="Seconds">Seconds spent extracting.</param>
/// <param name="Missing">Pages in the truth without an HTML file.</param>
public sealed record ExtractionScore(int Pages, double Precision, double Recall, string Metric, double Seconds, int Missing)
{
    /// <summary>F1 from the two means.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Runs main-content extraction over a folder of pages and scores it against a truth file in either of two formats:
/// the public article-extraction benchmark (<c>{"id": {"articleBody": ..., "url": ...}}</c>, scored with
/// <see cref="ShingleMetric"/>) or trafilatura's evaluation data (<c>{"url": {"file": ..., "with": [...],
/// "without": [...]}}</c>, scored per segment: a "with" string found is a true positive, missed a false negative; a
/// "without" string found is a false positive).
/// </summary>
public static class ExtractionEvaluator
{
    private const long MaxPageBytes = 64L * 1024 * 1024;

    /// <summary>Loads a truth file of either format.</summary>
    public static IReadOnlyList<PageTruth> LoadTruth(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
        var pages = new List<PageTruth>();
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (value.TryGetProperty("articleBody", out var body))
            {
                var url = value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                pages.Add(new PageTruth(property.Name, body.GetString() ?? string.Empty, [], [], url));
            }
            else if (value.TryGetProperty("file", out var file))
            {
                var name = file.GetString() ?? string.Empty;
                pages.Add(new PageTruth(IdOf(name), null, Strings(value, "with"), Strings(value, "without"), property.Name));
            }
        }

        return pages;
    }

    /// <summary>Extracts every page of the truth found in <paramref name="htmlDirectory"/>.</summary>
    public static (Dictionary<string, string> Predictions, double Seconds, int Missing) Extract(string htmlDirectory, IReadOnlyList<PageTruth> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var files = Directory.EnumerateFiles(htmlDirectory)
            .GroupBy(f => IdOf(Path.GetFileName(f)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var predictions = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = 0;
        var clock = new Stopwatch();
        foreach (var page in truth)
        {
            if (!files.TryGetValue(page.Id, out var file))
            {
                missing++;
                continue;
            }

            var html = ReadPage(file);
            clock.Start();
            try
            {
                predictions[page.Id] = html is null ? string.Empty : HtmlReader.ExtractMainText(html);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A page that breaks the extractor scores zero, as it would in the benchmark.
                predictions[page.Id] = string.Empty;
            }

            clock.Stop();
        }

        return (predictions, clock.Elapsed.TotalSeconds, missing);
    }

    /// <summary>Scores predictions against the truth.</summary>
    public static ExtractionScore Score(IReadOnlyList<PageTruth> truth, IReadOnlyDictionary<string, string> predictions, double seconds = 0, int missing = 0)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        var scored = truth.Where(t => predictions.ContainsKey(t.Id)).ToList();
        if (scored.Count > 0 && scored.All(t => t.Body is not null))
        {
            double p = 0, r = 0;
            foreach (var page in scored)
            {
                var (pp, rr) = ShingleMetric.Score(page.Body!, predictions[page.Id]);
                p += pp;
                r += rr;
            }

            return new ExtractionScore(scored.Count, p / scored.Count, r / scored.Count, "shingles", seconds, missing);
        }

        int tp = 0, fn = 0, fp = 0;
        foreach (var page in scored)
        {
            var text = Normalize(predictions[page.Id]);
            foreach (var s in page.With)
            {
                if (text.Contains(Normalize(s), StringComparison.Ordinal))
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }

            foreach (var s in page.Without)
            {
                if (text.Contains(Normalize(s), StringComparison.Ordinal))
                {
                    fp++;
                }
            }
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return new ExtractionScore(scored.Count, precision, recall, "segments", seconds, missing);
    }

    /// <summary>Writes predictions in the benchmark's JSON format (<c>{"id": {"articleBody": ..., "url": ...}}</c>).</summary>
    public static void WritePredictions(string path, IReadOnlyList<PageTruth> truth, IReadOnlyDictionary<string, string> predictions)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        var urls = truth.ToDictionary(t => t.Id, t => t.Url, StringComparer.Ordinal);
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        foreach (var (id, body) in predictions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(id);
            writer.WriteString("articleBody", body);
            writer.WriteString("url", urls.GetValueOrDefault(id));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads predictions written by <see cref="WritePredictions"/> or by another extractor in that format.</summary>
    public static Dictionary<string, string> LoadPredictions(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("articleBody", out var body))
            {
                result[property.Name] = body.GetString() ?? string.Empty;
            }
        }

        return result;
    }

    /// <summary>A page's id from its file name.</summary>
    public static string IdOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        foreach (var suffix in (string[])[".html.gz", ".htm.gz", ".html", ".htm"])
        {
            if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return fileName[..^suffix.Length];
            }
        }

        return fileName;
    }

    private static string? ReadPage(string file)
    {
        byte[] bytes;
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var input = File.OpenRead(file);
            bytes = Decompression.Gunzip(input, MaxPageBytes) ?? [];
        }
        else
        {
            bytes = File.ReadAllBytes(file);
        }

        return TextDecoder.Decode(bytes, file).Text;
    }

    private static string Normalize(string text) => HtmlContentExtractor.Normalize(text.Normalize(System.Text.NormalizationForm.FormC));

    private static List<string> Strings(JsonElement value, string name) =>
        value.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];
}
