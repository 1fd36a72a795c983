using System.Text.Json;
using Sitrep.Corroboration.Stance;
using Sitrep.Errors;

namespace Sitrep.Corroboration.Training;

/// <summary>One tweet of a thread, placed in its reply tree.</summary>
/// <param name="Id">Tweet id.</param>
/// <param name="Text">Tweet text.</param>
/// <param name="ParentId">The tweet it replies to; null for the source.</param>
/// <param name="Depth">0 for the source tweet.</param>
public sealed record ThreadTweet(string Id, string Text, string? ParentId, int Depth)
{
    /// <summary>The author's screen name, or null when unknown.</summary>
    public string? Author { get; init; }
}

/// <summary>A RumourEval thread: the source tweet and its replies by id.</summary>
/// <param name="SourceId">The source tweet's id.</param>
/// <param name="Tweets">Every tweet of the thread (source included) by id.</param>
public sealed record RumourThread(string SourceId, IReadOnlyDictionary<string, ThreadTweet> Tweets)
{
    /// <summary>The event the thread belongs to (the name of the folder above the thread's), or null when unknown.</summary>
    public string? Event { get; init; }

    /// <summary>The context the SDQC classifier sees for <paramref name="tweet"/>.</summary>
    public SdqcContext ContextOf(ThreadTweet tweet)
    {
        ArgumentNullException.ThrowIfNull(tweet);
        var source = Tweets.TryGetValue(SourceId, out var s) ? s.Text : null;
        var parent = tweet.ParentId is not null && Tweets.TryGetValue(tweet.ParentId, out var p) ? p.Text : null;
        var sourceAuthor = s?.Author;
        var parentAuthor = tweet.ParentId is not null && Tweets.TryGetValue(tweet.ParentId, out var pa) ? pa.Author : null;
        return new SdqcContext(tweet.Text, source, parent, tweet.Depth)
        {
            BySourceAuthor = tweet.Depth > 0 && tweet.Author is not null && string.Equals(tweet.Author, sourceAuthor, StringComparison.OrdinalIgnoreCase),
            ByParentAuthor = tweet.Depth > 0 && tweet.Author is not null && string.Equals(tweet.Author, parentAuthor, StringComparison.OrdinalIgnoreCase),
        };
    }
}

/// <summary>
/// RumourEval threads in the SemEval-2017 Task 8 layout (each thread folder holds <c>source-tweet/</c>,
/// <c>replies/</c> and <c>structure.json</c>) with the subtask A labels of one split.
/// </summary>
/// <param name="Threads">All threads found.</param>
/// <param name="Labelled">The labelled tweets (in label-file order), each with its thread.</param>
public sealed record RumourEvalDataset(IReadOnlyList<RumourThread> Threads, IReadOnlyList<(ThreadTweet Tweet, RumourThread Thread, string Label)> Labelled)
{
    /// <summary>Most nesting levels followed in <c>structure.json</c> (deeper replies are kept at this depth).</summary>
    public const int MaxDepth = 100;

    /// <summary>Reads every thread under <paramref name="threadsDirectory"/> and the labels in <paramref name="labelsFile"/>.</summary>
    /// <remarks>Labels whose tweet is in no thread are skipped: a labels file may cover more splits than the folder.</remarks>
    public static RumourEvalDataset Read(string threadsDirectory, string labelsFile)
    {
        if (!Directory.Exists(threadsDirectory))
        {
            throw SitrepErrors.NotFound.Exception(threadsDirectory);
        }

        if (!File.Exists(labelsFile))
        {
            throw SitrepErrors.NotFound.Exception(labelsFile);
        }

        var threads = new List<RumourThread>();
        foreach (var structure in Directory.EnumerateFiles(threadsDirectory, "structure.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(structure)!;
            if (Directory.Exists(Path.Combine(folder, "source-tweet")))
            {
                threads.Add(ReadThread(folder, structure));
            }
        }

        var labels = ReadLabels(labelsFile);
        var byTweet = new Dictionary<string, (ThreadTweet, RumourThread)>(StringComparer.Ordinal);
        foreach (var thread in threads)
        {
            foreach (var tweet in thread.Tweets.Values)
            {
                byTweet.TryAdd(tweet.Id, (tweet, thread));
            }
        }

        var labelled = new List<(ThreadTweet, RumourThread, string)>();
        foreach (var (id, label) in labels)
        {
            if (byTweet.TryGetValue(id, out var found))
            {
                labelled.Add((found.Item1, found.Item2, label));
            }
        }

        return new RumourEvalDataset(threads, labelled);
    }

    /// <summary>Reads a JSON object of tweet id to SDQC label.</summary>
    public static List<(string Id, string Label)> ReadLabels(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw SitrepErrors.Malformed.Exception("RumourEval labels", $"'{path}' is not a JSON object of tweet id to label");
        }

        var labels = new List<(string, string)>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var label = property.Value.GetString() ?? string.Empty;
            if (!StanceSchemes.Sdqc.Contains(label))
            {
                throw SitrepErrors.Malformed.Exception("RumourEval labels", $"tweet {property.Name} has label '{label}', not one of {string.Join(", ", StanceSchemes.Sdqc)}");
            }

            labels.Add((property.Name, label));
        }

        return labels;
    }

    private static RumourThread ReadThread(string folder, string structurePath)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var authors = new Dictionary<string, string>(StringComparer.Ordinal);
        var sourceId = Path.GetFileName(folder);
        foreach (var sub in new[] { "source-tweet", "replies" })
        {
            var dir = Path.Combine(folder, sub);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*.json"))
            {
                var (id, text, author) = ReadTweet(file);
                texts[id] = text;
                if (author is not null)
                {
                    authors[id] = author;
                }

                if (sub == "source-tweet")
                {
                    sourceId = id;
                }
            }
        }

        var tweets = new Dictionary<string, ThreadTweet>(StringComparer.Ordinal);
        using (var structure = JsonDocument.Parse(File.ReadAllBytes(structurePath), new JsonDocumentOptions { MaxDepth = MaxDepth + 8 }))
        {
            Walk(structure.RootElement, null, 0, texts, tweets);
        }

        // Tweets on disk that the structure omits hang under the source: better placed approximately than lost.
        foreach (var (id, text) in texts)
        {
            if (!tweets.ContainsKey(id))
            {
                var isSource = id == sourceId;
                tweets[id] = new ThreadTweet(id, text, isSource ? null : sourceId, isSource ? 0 : 1);
            }
        }

        foreach (var (id, author) in authors)
        {
            if (tweets.TryGetValue(id, out var tweet))
            {
                tweets[id] = tweet with { Author = author };
            }
        }

        return new RumourThread(sourceId, tweets) { Event = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(folder))) };
    }

    private static void Walk(JsonElement node, string? parent, int depth, Dictionary<string, string> texts, Dictionary<string, ThreadTweet> tweets)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var child in node.EnumerateObject())
        {
            if (texts.TryGetValue(child.Name, out var text))
            {
                tweets.TryAdd(child.Name, new ThreadTweet(child.Name, text, parent, Math.Min(depth, MaxDepth)));
            }

            Walk(child.Value, child.Name, depth + 1, texts, tweets);
        }
    }

    private static (string Id, string Text, string? Author) ReadTweet(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var id = root.TryGetProperty("id_str", out var idStr) && idStr.ValueKind == JsonValueKind.String
                ? idStr.GetString()!
                : Path.GetFileNameWithoutExtension(path);
            var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
            var author = root.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
                && user.TryGetProperty("screen_name", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : null;
            return (id, System.Net.WebUtility.HtmlDecode(text), author);
        }
        catch (JsonException ex)
        {
            throw SitrepErrors.Malformed.Exception("tweet JSON", $"'{path}': {ex.Message}");
        }
    }
}
