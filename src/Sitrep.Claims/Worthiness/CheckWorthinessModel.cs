using System.Globalization;
using System.IO.Compression;
using System.Text;
using Sitrep.Claims.Text;

namespace Sitrep.Claims.Worthiness;

/// <summary>
/// A logistic regression over cheap lexical features (<see cref="WorthinessFeatures"/>) trained on the CLEF
/// CheckThat! 2019 debate sentences: the probability that a sentence is a check-worthy claim. Immutable and
/// thread-safe; the shipped model is an embedded resource of a few hundred KiB at most.
/// </summary>
public sealed class CheckWorthinessModel
{
    /// <summary>File name of the shipped model (<c>sitrep train checkworthy</c> writes it).</summary>
    public const string ShippedFileName = "checkworthy.tsv.gz";

    private const string Magic = "sitrep.checkworthy/1";

    private static readonly Lazy<CheckWorthinessModel> Shipped = new(LoadShipped);

    private readonly Dictionary<string, double> _weights;

    internal CheckWorthinessModel(Dictionary<string, double> weights, bool pairs, double chatterThreshold)
    {
        _weights = weights;
        Pairs = pairs;
        ChatterThreshold = chatterThreshold;
    }

    /// <summary>The shipped model (loaded once).</summary>
    public static CheckWorthinessModel Default => Shipped.Value;

    /// <summary>True when word pairs are features.</summary>
    public bool Pairs { get; }

    /// <summary>
    /// Below this score a sentence the structure rules left undecided, and that carries no sign of a claim of its own
    /// (a number, a name, a reporting verb, estimative language), is chatter. Chosen on the development debates as the
    /// highest score that keeps the recall of check-worthy sentences at the training target.
    /// </summary>
    public double ChatterThreshold { get; }

    /// <summary>Number of weights.</summary>
    public int Count => _weights.Count;

    /// <summary>The probability that the sentence is a check-worthy claim.</summary>
    public double Score(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var words = SentenceWords.Of(sentence);
        return words.Count == 0 ? 0 : Score(words, 0, words.Count - 1);
    }

    internal double Score(SentenceWords words, int first, int last)
    {
        var z = 0.0;
        foreach (var f in WorthinessFeatures.Of(words, first, last, Pairs))
        {
            if (_weights.TryGetValue(f, out var w))
            {
                z += w;
            }
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Writes the model (gzip-compressed text, weights sorted by feature, so equal models give equal files).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Magic);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs\t{(Pairs ? 1 : 0)}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chatter\t{ChatterThreshold:R}"));
        foreach (var (feature, weight) in _weights.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{feature}\t{weight:0.#####}"));
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a check-worthiness model.</exception>
    public static CheckWorthinessModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        if (reader.ReadLine() != Magic)
        {
            throw new InvalidDataException($"not a check-worthiness model (first line is not '{Magic}')");
        }

        var pairs = false;
        var threshold = 0.0;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.LastIndexOf('\t');
            if (tab <= 0 || !double.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"bad model line '{line}'");
            }

            var key = line[..tab];
            switch (key)
            {
                case "pairs" when weights.Count == 0:
                    pairs = value != 0;
                    break;
                case "chatter" when weights.Count == 0:
                    threshold = value;
                    break;
                default:
                    weights[key] = value;
                    break;
            }
        }

        return new CheckWorthinessModel(weights, pairs, threshold);
    }

    private static CheckWorthinessModel LoadShipped()
    {
        using var stream = typeof(CheckWorthinessModel).Assembly.GetManifestResourceStream("Sitrep.Claims.Models." + ShippedFileName)
            ?? throw new InvalidOperationException($"the shipped check-worthiness model ({ShippedFileName}) is not embedded");
        return Load(stream);
    }
}
