using System.Diagnostics;
using System.Text;
using FsCheck.Fluent;
using Shouldly;
using Sitrep.Ingest;
using Sitrep.Ingest.Files;
using Sitrep.Ingest.Readers;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// Every reader on random and mutated inputs for a fixed budget: nothing may throw, and every range a reader returns
/// must lie inside its document's text.
/// </summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    private static readonly string[] Tokens =
    [
        "<div>", "</div>", "<p>", "</p>", "<!DOCTYPE x [", "<!ENTITY a \"b\">", "]>", "&a;", "<![CDATA[", "]]>", "<script>", "</script>",
        "<rss>", "<item>", "<title>", "</title>", "</item>", "<feed>", "<entry>", "{", "}", "[", "]", "\"", ":", ",", "\"text\":",
        "\"messages\":", "\n", "\n\n", "    ", "• ☆ Name ☆\n", "  1 year ago\n", "UPDATE 05:37 CET: ", "14:02 BST — ", "name · 3h\n",
        "Latest News\n", "Click on a star to rate it!\n", "\uD83D\uDE00", "\uD800", "\0", "\r\n", "é", "Ж", "<", ">", "&amp;", "&#x0;",
    ];

    private static readonly string[] FileNames = ["x.html", "x.txt", "x.md", "x.rss", "x.xml", "x.jsonl", "x.json", "result.json", "x.html.gz", "x"];

    [Fact]
    public void EveryReaderSurvivesRandomAndMutatedInput()
    {
        var seeds = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Ingest", "Fixtures")).Select(File.ReadAllText).ToArray();
        var mutated =
            from seed in Gen.Elements(seeds)
            from operations in Gen.ListOf(Gen.Zip(Gen.Choose(0, 4), Gen.Zip(Gen.Choose(0, 1 << 20), Gen.Zip(Gen.Choose(0, 200), Gen.Elements(Tokens)))))
            select Mutate(seed, operations);
        var random =
            from parts in Gen.ListOf(Gen.OneOf(Gen.Elements(Tokens), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)))
            select string.Concat(parts);
        var input = Gen.Zip(Gen.Frequency((3, mutated), (1, random)), Gen.Elements(FileNames));
        var readers = DocumentIngestor.CreateReaders(IngestOptions.Default);
        var ingestor = new DocumentIngestor(IngestOptions.Default, Sitrep.Ingest.Manifest.SourceManifest.Empty);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        while (clock.Elapsed < Budget)
        {
            foreach (var (text, name) in input.Sample(50, 20))
            {
                var raw = new RawInput(new InputFile("/fuzz/" + name, name), Encoding.UTF8.GetBytes(text));
                foreach (var reader in readers)
                {
                    _ = reader.Score(raw, text.AsSpan(0, Math.Min(text.Length, 8192)));
                    Check(reader.Read(raw, text), reader.Name, text);
                }

                Check(ingestor.Ingest(raw), "ingest", text);
                runs++;
            }
        }

        runs.ShouldBeGreaterThan(20);
    }

    private static void Check(ReadResult result, string reader, string input)
    {
        foreach (var doc in result.Documents)
        {
            foreach (var post in doc.Posts)
            {
                post.Range.End.ShouldBeLessThanOrEqualTo(doc.Text.Length, $"{reader} on {Show(input)}");
            }

            foreach (var range in doc.Boilerplate)
            {
                range.End.ShouldBeLessThanOrEqualTo(doc.Text.Length, $"{reader} on {Show(input)}");
            }
        }
    }

    private static string Show(string input) => input.Length > 200 ? input[..200] + "…" : input;

    private static string Mutate(string seed, IEnumerable<(int Kind, (int Position, (int Length, string Token) Tail) Where)> operations)
    {
        var text = new StringBuilder(seed);
        foreach (var (kind, (position, (length, token))) in operations)
        {
            var at = text.Length == 0 ? 0 : position % text.Length;
            var span = Math.Min(length, text.Length - at);
            switch (kind)
            {
                case 0:
                    text.Remove(at, span);
                    break;
                case 1:
                    text.Insert(at, token);
                    break;
                case 2:
                    text.Insert(at, text.ToString(at, span));
                    break;
                case 3:
                    text.Insert(at, token, 1 + (length % 50));
                    break;
                default:
                    if (text.Length > 0)
                    {
                        text[at] = (char)(text[at] ^ (1 << (length % 16)));
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
