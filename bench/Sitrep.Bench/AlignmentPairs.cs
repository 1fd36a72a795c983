using System.Globalization;
using System.Text;
using Sitrep.Corroboration.Alignment;
using Sitrep.Corroboration.Evaluation;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// The meaning alignment's scored pairs written out (texts, posting, cosine, same-event probability), to choose a
/// cheaper test that settles a pair without its two MiniLM vectors: from <c>e2e --tally --pairs FILE</c> on a corpus,
/// and from <c>align-gold --pairs FILE</c> on the ECB+ topics of the disputes gold (run as <c>sitrep eval disputes</c>
/// runs them).
/// </summary>
public static class AlignmentPairs
{
    /// <summary>Writes the pairs the alignment scored in this process as TSV.</summary>
    public static void Write(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("posting\tsame_polarity\tcosine\tsame_event\ta\tb");
        foreach (var pair in AlignmentTally.Pairs())
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pair.Posting}\t{(pair.SamePolarity ? 1 : 0)}\t{pair.Cosine:0.0000}\t{pair.SameEvent:0.0000}\t{Flat(pair.A)}\t{Flat(pair.B)}"));
        }
    }

    /// <summary><c>align-gold [--gold DIR] [--ecbplus DIR] --pairs FILE</c>.</summary>
    public static int RunGold(string[] args)
    {
        var gold = CorpusMaker.Arg(args, "--gold") ?? Path.Combine("tests", "gold", "disputes");
        var ecbplus = CorpusMaker.Arg(args, "--ecbplus") ?? Path.Combine("..", "shared", "datasets", "ecbplus");
        var path = CorpusMaker.Arg(args, "--pairs") ?? throw new ArgumentException("--pairs FILE is required");
        AlignmentTally.Enabled = true;
        var pipeline = DefaultPipeline.Build();
        foreach (var file in DisputeGold.Files(gold))
        {
            var topic = DisputeGold.Read(file);
            var folder = EcbPlusTopic.FolderOf(ecbplus, topic.Topic) ?? throw new DirectoryNotFoundException($"ECB+ topic {topic.Topic} under {ecbplus}");
            var documents = new List<Document>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in EcbPlusTopic.Read(folder))
            {
                var document = Document.Create(source.Text, source.Name + ".xml").WithKind(DocumentKind.Article).WithSource(new Source(Url: source.Url)).Build();
                if (seen.Add(document.Id))
                {
                    documents.Add(document);
                }
            }

            var batch = pipeline.AnalyzeBatch(documents);
            pipeline.AnalyzeCorpus(new Corpus(batch.Documents));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"topic {topic.Topic}: {documents.Count} documents, {AlignmentTally.Pairs().Count:N0} pairs so far"));
        }

        Write(path);
        return 0;
    }

    private static string Flat(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ');
}
