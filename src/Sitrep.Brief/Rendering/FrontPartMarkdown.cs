using System.Globalization;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>Writes the front part of brief.md: bottom line, key judgments, status, actors that matter, what to watch.</summary>
internal static class FrontPartMarkdown
{
    /// <summary>The heading that ends the front part; what follows is the evidence appendix.</summary>
    public const string AppendixHeading = "# Evidence appendix";

    public static void Write(BriefReport report, TextWriter writer, CitationIndex citations)
    {
        string Marks(IEnumerable<BriefSpan> cites) => string.Concat(cites.Select(c => string.Create(CultureInfo.InvariantCulture, $"[^{citations.Number(c)}]")));
        string E(string text) => MarkdownBriefRenderer.Escape(text);

        writer.WriteLine("## Bottom line");
        writer.WriteLine();
        if (report.BottomLine.Count == 0)
        {
            writer.WriteLine("_No bottom line: no proposition has two graded outlets behind it._");
        }

        // One sentence a line: Markdown joins them into one paragraph, and each keeps its citations beside it.
        foreach (var line in report.BottomLine)
        {
            writer.WriteLine($"{E(line.Text)} {Marks(line.Cites)}");
        }

        writer.WriteLine();
        writer.WriteLine("## Key judgments");
        writer.WriteLine();
        if (report.KeyJudgments.Count == 0)
        {
            writer.WriteLine(report.BottomLine.Any(b => b.Proposition is not null)
                ? "_No key judgments beyond the bottom line: nothing else is confirmed by two sources._"
                : "_No key judgments: nothing is confirmed by two graded outlets._");
        }

        foreach (var j in report.KeyJudgments)
        {
            writer.WriteLine($"- **{E(Capital(j.Likelihood))}** ({E(j.Confidence)} confidence): {E(j.Text)} {Marks(j.Cites)}  ");
            writer.WriteLine($"  _Basis: {E(j.Basis)}.{(j.Linchpin is { } linchpin ? $" Hangs on: {E(linchpin)}." : string.Empty)}_");
        }

        if (report.SourceJudgments.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Sources' own judgments (theirs, not Sitrep's):");
            writer.WriteLine();
            foreach (var s in report.SourceJudgments)
            {
                writer.WriteLine($"- {E(s.Text)} {Marks(s.Cites)}");
            }
        }

        WriteItems(writer, BriefStatusItem.ConfirmedTitle(report.Status.Confirmed), report.Status.Confirmed, "_Nothing is confirmed by two graded outlets._", Marks, E);

        writer.WriteLine();
        writer.WriteLine("## Disputed");
        writer.WriteLine();
        var figures = report.Status.Disputed.Where(d => d.Figure is not null).ToList();
        if (figures.Count > 0)
        {
            // Two columns, as in the HTML: a row's note ("outliers from … only") goes under its label, so no column is left empty.
            writer.WriteLine("| Figure | Values by source |");
            writer.WriteLine("|---|---|");
            foreach (var item in figures)
            {
                var figure = RowOf(report, item);
                var values = figure is null
                    ? E(item.Text)
                    : string.Join("<br>", FigureRows(figure).Select(g => $"**{E(g.Value)}** — {E(g.Sources)} {Marks(g.Cites)}"));
                writer.WriteLine($"| {E(figure?.Label ?? item.Text)}{(item.Label is { } rowNote ? $"<br>_({E(rowNote)})_" : string.Empty)} | {values} |");
            }
        }

        var disputed = report.Status.Disputed.Where(d => d.Figure is null).ToList();
        foreach (var item in disputed)
        {
            writer.WriteLine($"- {(item.Label is { } label ? $"**{E(label)}**: " : string.Empty)}{E(item.Text)} {Marks(item.Cites)} _({E(item.Basis)})_");
        }

        if (figures.Count == 0 && disputed.Count == 0)
        {
            writer.WriteLine("_Nothing disputed: no figure or proposition has sources on both sides._");
        }

        WriteItems(writer, "Unresolved", report.Status.Open, "_Nothing open: every disputed matter has a latest status._", Marks, E);
        WriteItems(writer, report.Status.Since is { } since ? $"Changed since {since}" : "Changed", report.Status.Changed, "_Nothing changed: no story state, updated figure or later report._", Marks, E);

        writer.WriteLine();
        writer.WriteLine("## Actors that matter");
        writer.WriteLine();
        if (report.ActorsThatMatter.Count == 0)
        {
            writer.WriteLine("_No actors recognised._");
        }

        foreach (var a in report.ActorsThatMatter)
        {
            var claimed = a.Claimed.Count == 0 ? string.Empty : " " + string.Join(" ", a.Claimed.Select(c => $"{E(c.Text)} {Marks(c.Cites)}"));
            var role = a.Role.Length == 0 ? string.Empty : $" — {E(a.Role)}.";
            writer.WriteLine($"- **{E(a.Name)}**{role}{claimed}");
        }

        writer.WriteLine();
        writer.WriteLine("## What to watch");
        writer.WriteLine();
        if (report.Watch.Count == 0)
        {
            writer.WriteLine("_Nothing awaiting confirmation._");
        }

        foreach (var w in report.Watch)
        {
            writer.WriteLine($"- {E(w.Text)} {Marks(w.Cites)} _({E(w.Reason)})_");
        }

        writer.WriteLine();
        writer.WriteLine("---");
        writer.WriteLine();
        writer.WriteLine(AppendixHeading);
        if (OmittedNote(report) is { } note)
        {
            writer.WriteLine();
            writer.WriteLine("_" + note + "_");
        }
    }

    /// <summary>
    /// "This brief is bounded: it leaves out 24,310 documents, …": what a bounded brief's appendix does not show; null
    /// for a full brief or when nothing was left out.
    /// </summary>
    public static string? OmittedNote(BriefReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sections = report.Omitted?.Sections().ToList() ?? [];
        if (sections.Count == 0)
        {
            return null;
        }

        var counts = string.Join(", ", sections.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Count:N0} {s.What}")));
        return string.Create(CultureInfo.InvariantCulture, $"The appendix is bounded: it shows the top entries of each section and what the front part cites, and leaves out {counts}; lists inside an item show at most {report.Omitted!.PerItem}. Run with --full for all of the evidence.");
    }

    private static void WriteItems(TextWriter writer, string title, IReadOnlyList<BriefStatusItem> items, string empty, Func<IEnumerable<BriefSpan>, string> marks, Func<string, string> e)
    {
        writer.WriteLine();
        writer.WriteLine($"## {title}");
        writer.WriteLine();
        if (items.Count == 0)
        {
            writer.WriteLine(empty);
        }

        // A label the title already says is not repeated on every line.
        var titled = BriefStatusItem.IsReportedOnly(items);
        foreach (var item in items)
        {
            writer.WriteLine($"- {(item.Label is { } label && !titled ? $"**{e(label)}**: " : string.Empty)}{e(item.Text)} {marks(item.Cites)} _({e(item.Basis)})_");
        }
    }

    /// <summary>
    /// The figure a Disputed row shows: its figure, or the figures of one count joined into one (see
    /// <see cref="BriefStatusItem.Figures"/>); null when the brief does not hold it.
    /// </summary>
    public static BriefFigure? RowOf(BriefReport report, BriefStatusItem item)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(item);
        var byId = report.Figures.DistinctBy(f => f.Id).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var ids = item.Figures.Count > 0 ? item.Figures : item.Figure is { } id ? [id] : [];
        var row = ids.Select(i => byId.GetValueOrDefault(i)).OfType<BriefFigure>().ToList();
        var threads = report.Documents.Where(d => d.Kind == "thread").Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return row.Count == 0 ? null : Building.FrontPartBuilder.RowFigure(row, threads.Contains);
    }

    /// <summary>
    /// A figure's values, one row per value with the sources that give it. An amount said only in words ("thousands")
    /// that clashes with no other value says nothing about the dispute and is left to the appendix.
    /// </summary>
    public static IEnumerable<(string Value, string Sources, List<BriefSpan> Cites)> FigureRows(BriefFigure figure) =>
        figure.Values
            .Where(v => v.Value.Any(char.IsDigit) || figure.Conflicts.Any(c => c.A == v.Claim || c.B == v.Claim))
            .GroupBy(v => v.Value, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var sources = g.Select(v => v.Source).Distinct(StringComparer.Ordinal).ToList();
                var shown = sources.Count > 2 ? string.Create(CultureInfo.InvariantCulture, $"{sources[0]} and {sources.Count - 1} more") : string.Join("; ", sources);
                return (g.Key, shown, g.Select(v => v.Cite).Distinct().ToList());
            });

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
