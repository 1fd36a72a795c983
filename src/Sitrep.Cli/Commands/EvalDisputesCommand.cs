using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Corroboration.Evaluation;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Errors;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval disputes [--gold DIR] [--ecbplus DIR] [--predictions OUT] [--topics 1,3,...]</c>: runs the default
/// pipeline over each gold ECB+ topic (both sub-events together) and scores the reported contradictions, contested
/// propositions and updates against the hand-written gold; ends with <c>disputes: precision P recall R</c>.
/// </summary>
/// <remarks>
/// The last line pools contradictions (IsUpdate false) and contested propositions: precision is the correct items of
/// both over the items of both; recall is the gold disputes found by at least one correct item of either, over the gold
/// disputes. When nothing is reported precision is printed as 1.0000 with "(nothing reported)".
/// </remarks>
internal static class EvalDisputesCommand
{
    private static readonly JsonSerializerOptions JsonLine = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var gold = new Option<string>("--gold")
        {
            Description = "Folder of disputes gold files (one topicN.json per ECB+ topic), or one file.",
            DefaultValueFactory = _ => Path.Combine("tests", "gold", "disputes"),
            HelpName = "DIR",
        };
        var ecbplus = new Option<string>("--ecbplus")
        {
            Description = "The ECB+ release folder (holding ECB+/<topic>/*.xml).",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets", "ecbplus"),
            HelpName = "DIR",
        };
        var predictions = new Option<string?>("--predictions") { Description = "Write every reported item with its verdict as JSON Lines.", HelpName = "OUT" };
        var topics = new Option<string?>("--topics") { Description = "Score only these gold topics (comma-separated numbers, e.g. 8,20).", HelpName = "LIST" };
        var figures = new Option<string?>("--figures") { Description = "Write every measure the claims carry and every figure set side by side, per topic, as text (to read why a dispute is missed).", HelpName = "OUT" };
        var command = new Command("disputes", "Score reported contradictions, contested propositions and updates against the hand-written ECB+ disputes gold.") { gold, ecbplus, predictions, topics, figures };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(gold)!, parse.GetValue(ecbplus)!, parse.GetValue(predictions), ParseTopics(parse.GetValue(topics)), parse.GetValue(figures));
            }
            catch (SitrepException ex)
            {
                return CommandErrors.Report(ex);
            }
        });
        return command;
    }

    private static HashSet<int>? ParseTopics(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var set = new HashSet<int>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var topic) || topic <= 0)
            {
                throw SitrepErrors.BadOption.Exception("--topics", value, "comma-separated ECB+ topic numbers such as 8,20");
            }

            set.Add(topic);
        }

        return set;
    }

    private static int Run(string goldPath, string ecbplus, string? predictionsPath, HashSet<int>? only, string? figuresPath)
    {
        var files = DisputeGold.Files(goldPath);
        var golds = new List<DisputeGoldTopic>();
        foreach (var file in files)
        {
            try
            {
                golds.Add(DisputeGold.Read(file));
            }
            catch (InvalidDataException ex)
            {
                throw SitrepErrors.DisputesGoldInvalid.Exception(file, ex.Message);
            }
        }

        golds = [.. golds.Where(g => only is null || only.Contains(g.Topic)).OrderBy(g => g.Topic)];
        if (golds.Count == 0)
        {
            throw SitrepErrors.DisputesGoldMissing.Exception(goldPath, only is null ? string.Empty : " for topics " + string.Join(",", only.Order()));
        }

        var pipeline = DefaultPipeline.Build();
        var contradictions = new DisputeTally();
        var contested = new DisputeTally();
        var combined = new DisputeTally();
        var updates = new DisputeTally();
        var wrongKinds = new Dictionary<string, int>(StringComparer.Ordinal);
        using var predictions = predictionsPath is null ? null : new StreamWriter(predictionsPath, false, new UTF8Encoding(false));
        using var figureDump = figuresPath is null ? null : new StreamWriter(figuresPath, false, new UTF8Encoding(false));
        foreach (var gold in golds)
        {
            var folder = EcbPlusTopic.FolderOf(ecbplus, gold.Topic) ?? throw SitrepErrors.EcbPlusMissing.Exception(gold.Topic, ecbplus);
            IReadOnlyList<EcbPlusDocument> documents;
            try
            {
                documents = EcbPlusTopic.Read(folder);
            }
            catch (InvalidDataException ex)
            {
                throw SitrepErrors.DisputesGoldInvalid.Exception(folder, ex.Message);
            }

            var result = TopicRun.Analyze(pipeline, gold.Topic, documents, figureDump);
            var scorer = new DisputeScorer(gold, documents.ToDictionary(d => d.Name, d => d.Text, StringComparer.Ordinal));
            var topic = new TopicTallies();
            topic.Contradictions.AddGold(gold.Disputes.Count());
            topic.Contested.AddGold(gold.Disputes.Count());
            topic.Combined.AddGold(gold.Disputes.Count());
            topic.Updates.AddGold(gold.Updates.Count());
            var falsePositives = new List<(ReportedItem Item, DisputeVerdict Verdict)>();
            foreach (var item in result.Items)
            {
                var verdict = scorer.Judge(item);
                switch (item.Kind)
                {
                    case ReportedKind.Contradiction:
                        topic.Contradictions.Add(verdict);
                        topic.Combined.Add(verdict);
                        break;
                    case ReportedKind.Contested:
                        topic.Contested.Add(verdict);
                        topic.Combined.Add(verdict);
                        break;
                    default:
                        topic.Updates.Add(verdict);
                        break;
                }

                if (!verdict.Correct)
                {
                    falsePositives.Add((item, verdict));
                    var key = $"{Name(item.Kind)}: {verdict.Category}";
                    wrongKinds[key] = wrongKinds.GetValueOrDefault(key) + 1;
                }

                predictions?.WriteLine(JsonSerializer.Serialize(Prediction(item, verdict), JsonLine));
            }

            Console.WriteLine($"== topic {gold.Topic}: {documents.Count} documents, {result.Claims} claims in {result.Propositions} propositions; gold {gold.Disputes.Count()} disputes, {gold.Updates.Count()} updates ({Path.GetFileName(gold.Path)})");
            foreach (var (itemId, mention) in scorer.Missing)
            {
                Console.WriteLine($"  warning: gold snippet of {itemId} not found in {mention.Doc}: \"{mention.Snippet}\"");
            }

            foreach (var note in result.Notes)
            {
                Console.WriteLine("  note: " + note);
            }

            PrintTallies(topic.Contradictions, topic.Contested, topic.Combined, topic.Updates);
            foreach (var (item, verdict) in falsePositives)
            {
                Console.WriteLine($"  false positive [{Name(item.Kind)}] {verdict.Category}{(verdict.GoldId is null ? string.Empty : " (" + verdict.GoldId + ")")}: {Short(item.Reason, 160)}");
                if (verdict.A is { } a)
                {
                    Console.WriteLine($"      {a.Doc}: \"{Short(a.Text, 220)}\"");
                }

                if (verdict.B is { } b)
                {
                    Console.WriteLine($"      {b.Doc}: \"{Short(b.Text, 220)}\"");
                }
            }

            contradictions.Add(topic.Contradictions);
            contested.Add(topic.Contested);
            combined.Add(topic.Combined);
            updates.Add(topic.Updates);
        }

        Console.WriteLine($"== all {golds.Count} topics: gold {combined.Gold} disputes, {updates.Gold} updates");
        PrintTallies(contradictions, contested, combined, updates);
        Console.WriteLine("false positives by kind:");
        foreach (var (kind, count) in wrongKinds.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {count,5}  {kind}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"disputes: precision {combined.Precision:0.0000} recall {combined.Recall:0.0000}{(combined.NothingReported ? " (nothing reported)" : string.Empty)}"));
        return ExitCodes.Ok;
    }

    private static void PrintTallies(DisputeTally contradictions, DisputeTally contested, DisputeTally combined, DisputeTally updates)
    {
        Print("contradictions", contradictions);
        Print("contested propositions", contested);
        Print("both (disputes)", combined);
        Print("updates", updates);
    }

    private static void Print(string name, DisputeTally tally) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {name,-24} reported {tally.Reported,4}  correct {tally.Correct,4}  precision {tally.Precision:0.0000}{(tally.NothingReported ? " (nothing reported)" : string.Empty)}  recall {tally.Recall:0.0000} ({tally.Found}/{tally.Gold})"));

    private static string Name(ReportedKind kind) => kind switch
    {
        ReportedKind.Contradiction => "contradiction",
        ReportedKind.Contested => "contested",
        _ => "update",
    };

    private static string Short(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }

    private static Dictionary<string, object?> Prediction(ReportedItem item, DisputeVerdict verdict) => new()
    {
        ["topic"] = item.Topic,
        ["kind"] = Name(item.Kind),
        ["groups"] = item.Groups.Select(g => g.Select(s => new Dictionary<string, object> { ["doc"] = s.Doc, ["start"] = s.Start, ["end"] = s.End, ["text"] = s.Text }).ToList()).ToList(),
        ["reason"] = item.Reason,
        ["verdict"] = verdict.Correct ? "correct" : "wrong",
        ["category"] = verdict.Category,
        ["gold"] = verdict.GoldId,
        ["docs"] = new[] { verdict.A?.Doc, verdict.B?.Doc },
    };

    private sealed class TopicTallies
    {
        public DisputeTally Contradictions { get; } = new();

        public DisputeTally Contested { get; } = new();

        public DisputeTally Combined { get; } = new();

        public DisputeTally Updates { get; } = new();
    }
}

/// <summary>Runs the pipeline over one ECB+ topic's documents (one document per file) and reads the reported items.</summary>
internal static class TopicRun
{
    public sealed record Result(IReadOnlyList<ReportedItem> Items, int Claims, int Propositions, IReadOnlyList<string> Notes);

    public static Result Analyze(AnalysisPipeline pipeline, int topic, IReadOnlyList<EcbPlusDocument> sources, TextWriter? figureDump = null)
    {
        var notes = new List<string>();
        var documents = new List<Document>();
        var nameOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var document = Document.Create(source.Text, source.Name + ".xml")
                .WithKind(DocumentKind.Article)
                .WithSource(new Source(Url: source.Url))
                .Build();
            if (!nameOf.TryAdd(document.Id, source.Name))
            {
                notes.Add($"{source.Name} has the same text as {nameOf[document.Id]}; analysed once");
                continue;
            }

            documents.Add(document);
        }

        var batch = pipeline.AnalyzeBatch(documents);
        notes.AddRange(batch.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"));
        var corpus = new Corpus(batch.Documents);
        pipeline.AnalyzeCorpus(corpus);
        notes.AddRange(corpus.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"));
        var layer = corpus.Layers.Find<PropositionLayer>() ?? new PropositionLayer([], []);
        var texts = corpus.Documents.ToDictionary(d => d.Document.Id, d => d.Document.Text, StringComparer.Ordinal);
        var figureLayer = corpus.Layers.Find<Sitrep.Corroboration.Figures.FigureLayer>();
        if (figureDump is not null)
        {
            DumpFigures(figureDump, topic, corpus, figureLayer, nameOf);
        }

        var items = DisputeReports.From(layer, texts, nameOf, topic, notes, figureLayer, corpus.Layers.Find<Sitrep.Corroboration.State.StoryStateLayer>());
        return new Result(items, layer.Propositions.Sum(p => p.Claims.Count), layer.Propositions.Count, notes);
    }

    private static void DumpFigures(TextWriter dump, int topic, Corpus corpus, Sitrep.Corroboration.Figures.FigureLayer? figures, Dictionary<string, string> nameOf)
    {
        string Name(string id) => nameOf.GetValueOrDefault(id, id);
        string Flat(string text) => text.ReplaceLineEndings(" ");
        dump.WriteLine($"== topic {topic}: measures");
        foreach (var doc in corpus.Documents.OrderBy(d => Name(d.Document.Id), StringComparer.Ordinal))
        {
            foreach (var claim in doc.Layers.Find<Sitrep.Claims.ClaimLayer>()?.Items ?? [])
            {
                foreach (var m in claim.Frame.Measures)
                {
                    dump.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Name(doc.Document.Id)} {claim.Id} role={m.Role} counted={m.Counted} [{m.Min}..{m.Max}] {m.Unit} \"{Flat(m.Text)}\" kind={claim.Kind} polarity={claim.Polarity} | {Flat(doc.Document.Slice(claim.Span))}"));
                }
            }
        }

        dump.WriteLine($"== topic {topic}: figures");
        foreach (var figure in figures?.Figures ?? [])
        {
            dump.WriteLine($"  {figure.Id} {figure.Verdict} {figure.Label}: {Flat(figure.Reason)}");
            foreach (var value in figure.Values)
            {
                dump.WriteLine($"      {Name(value.DocumentId)} {value.Source}: {value.Measure.Describe()} \"{Flat(value.Measure.Text)}\"");
            }

            foreach (var conflict in figure.Conflicts)
            {
                dump.WriteLine($"      {(conflict.IsUpdate ? "update" : "dispute")}: {Name(conflict.Earlier.DocumentId)} / {Name(conflict.Later.DocumentId)}");
            }
        }
    }
}
