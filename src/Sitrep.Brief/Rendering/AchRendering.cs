using System.Globalization;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>The ACH section as Markdown and the matrix as CSV, from the brief model alone.</summary>
public static class AchRendering
{
    /// <summary>Writes the ACH section: hypotheses with sources, the matrix, both rankings, diagnosticity, linchpins, flags.</summary>
    internal static void WriteMarkdown(BriefReport report, TextWriter writer, Func<BriefSpan, int> cite)
    {
        writer.WriteLine();
        writer.WriteLine("## Competing hypotheses (ACH)");
        writer.WriteLine();
        if (report.Hypotheses.Count == 0 || report.Ach is null)
        {
            writer.WriteLine("_No hypotheses: give some with --hypotheses FILE, or the sources suggested none._");
            return;
        }

        var ach = report.Ach;
        foreach (var h in report.Hypotheses)
        {
            var marks = string.Concat(h.Sources.Select(s => Invariant($"[^{cite(s)}]")));
            writer.WriteLine(Invariant($"- **{h.Id}** ({h.Origin}): {MarkdownBriefRenderer.Escape(h.Text)} {marks}"));
        }

        writer.WriteLine();
        writer.WriteLine("Ranking by Heuer's weighted inconsistency (lower is better): " + string.Join(" > ", ach.HeuerRanking.Select(id => Invariant($"{id} ({Score(report, id, "heuerInconsistency"):0.##})"))) + ".");
        writer.WriteLine();
        writer.WriteLine("Ranking by Bayesian posterior: " + string.Join(" > ", ach.BayesRanking.Select(id => Invariant($"{id} ({Score(report, id, "bayesPosterior"):P0}, {report.Hypotheses.First(h => h.Id == id).Estimative})"))) + ".");
        writer.WriteLine();
        if (!string.IsNullOrEmpty(ach.Discrimination))
        {
            writer.WriteLine(MarkdownBriefRenderer.Escape(ach.Discrimination));
            writer.WriteLine();
        }
        else if (ach.MostDiagnostic is { } diagnostic)
        {
            writer.WriteLine($"Most diagnostic evidence: **{diagnostic}**.");
            writer.WriteLine();
        }

        writer.WriteLine(ach.Linchpins.Count == 0
            ? "Linchpins: none; no single row's removal or reversal changes the leading hypothesis."
            : "Linchpins: " + string.Join("; ", ach.Linchpins.Select(l => $"{l.Evidence} ({l.Method}, {l.Change}: {l.Before} → {l.After})")) + ".");
        writer.WriteLine();
        writer.Write("| Evidence | Cred. | Sources | Flags |");
        foreach (var h in report.Hypotheses)
        {
            writer.Write($" {h.Id} |");
        }

        writer.WriteLine();
        writer.Write("|---|---|---|---|");
        writer.WriteLine(string.Concat(report.Hypotheses.Select(_ => "---|")));
        foreach (var e in ach.Evidence)
        {
            var label = e.Label.Length > 90 ? e.Label[..87] + "…" : e.Label;
            var mark = e.Cites.Count > 0 ? Invariant($"[^{cite(e.Cites[0])}]") : string.Empty;
            writer.Write(Invariant($"| {e.Id}: {MarkdownBriefRenderer.Escape(label)} {mark} | {e.Credibility} | {string.Join(' ', e.Reliabilities)} | {MarkdownBriefRenderer.Escape(string.Join("; ", e.Flags))} |"));
            foreach (var h in report.Hypotheses)
            {
                writer.Write($" {h.Ratings.FirstOrDefault(r => r.Evidence == e.Id)?.Rating ?? "NA"} |");
            }

            writer.WriteLine();
        }

        var reasons = report.Hypotheses.SelectMany(h => h.Ratings.Where(r => r.Rating != "NA").Select(r => (h.Id, r))).ToList();
        if (reasons.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Why each cell is rated:");
            writer.WriteLine();
            foreach (var (id, r) in reasons.OrderBy(x => x.r.Evidence, StringComparer.Ordinal).ThenBy(x => x.Id, StringComparer.Ordinal))
            {
                writer.WriteLine($"- {r.Evidence} × {id}: **{r.Rating}**, {MarkdownBriefRenderer.Escape(r.Reason ?? string.Empty)}");
            }
        }

        if (ach.Candidates.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Candidates left unrated (rate them in a ratings file if they bear on a hypothesis):");
            writer.WriteLine();
            foreach (var c in ach.Candidates)
            {
                var label = c.Label.Length > 110 ? c.Label[..107] + "…" : c.Label;
                var mark = c.Cites.Count > 0 ? Invariant($" [^{cite(c.Cites[0])}]") : string.Empty;
                writer.WriteLine($"- {c.Evidence} → {c.Hypothesis}: {MarkdownBriefRenderer.Escape(label)}{mark} ({MarkdownBriefRenderer.Escape(c.Reason)})");
            }
        }
    }

    /// <summary>The ACH section on its own, with its citations listed after it.</summary>
    public static void WriteMarkdownStandalone(BriefReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var citations = new CitationIndex();
        WriteMarkdown(report, writer, citations.Number);
        writer.WriteLine();
        foreach (var (span, number) in citations.InOrder())
        {
            writer.WriteLine(Invariant($"[^{number}]: {span.Doc} chars {span.Start}–{span.End}"));
        }
    }

    /// <summary>The matrix as CSV: one row per evidence, one column per hypothesis, score rows at the end.</summary>
    public static void WriteCsv(BriefReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var header = new List<string> { "evidence", "label", "credibility", "status", "sources", "weight", "diagnosticity", "flags" };
        header.AddRange(report.Hypotheses.Select(h => h.Id + ": " + h.Text));
        writer.Write(Row(header));
        foreach (var e in report.Ach?.Evidence ?? [])
        {
            var row = new List<string>
            {
                e.Id, e.Label, e.Credibility.ToString(CultureInfo.InvariantCulture), e.Status, string.Join(' ', e.Reliabilities),
                e.Weight.ToString("0.###", CultureInfo.InvariantCulture), e.Diagnosticity.ToString("0.###", CultureInfo.InvariantCulture), string.Join("; ", e.Flags),
            };
            row.AddRange(report.Hypotheses.Select(h => h.Ratings.FirstOrDefault(r => r.Evidence == e.Id)?.Rating ?? "NA"));
            writer.Write(Row(row));
        }

        foreach (var (name, key) in new[] { ("inconsistency (Heuer)", "heuerInconsistency"), ("posterior (Bayes)", "bayesPosterior") })
        {
            var row = new List<string> { name, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty };
            row.AddRange(report.Hypotheses.Select(h => h.Scores.GetValueOrDefault(key).ToString("0.####", CultureInfo.InvariantCulture)));
            writer.Write(Row(row));
        }
    }

    private static double Score(BriefReport report, string id, string key) => report.Hypotheses.First(h => h.Id == id).Scores.GetValueOrDefault(key);

    private static string Row(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    // RFC 4180 quoting; a leading =, +, - or @ gets a ' so a spreadsheet never runs source text as a formula.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Writes <c>ach.csv</c>: the ACH matrix for a spreadsheet.</summary>
public sealed class CsvAchRenderer : IBriefRenderer
{
    /// <inheritdoc />
    public string FileName => "ach.csv";

    /// <inheritdoc />
    public void Render(BriefContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        AchRendering.WriteCsv(context.Report, writer);
    }
}
