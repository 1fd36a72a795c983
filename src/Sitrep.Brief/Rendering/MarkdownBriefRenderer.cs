using System.Globalization;
using Sitrep.Brief.Model;
using Sitrep.Time.Timeline;

namespace Sitrep.Brief.Rendering;

/// <summary>
/// Writes <c>brief.md</c>: the front part a reader needs first (bottom line, key judgments, status, actors, what to
/// watch), then the evidence appendix; every statement with numbered citations of the exact source characters.
/// </summary>
public sealed class MarkdownBriefRenderer : IBriefRenderer
{
    /// <inheritdoc />
    public string FileName => "brief.md";

    /// <inheritdoc />
    public void Render(BriefContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var report = context.Report;
        var citations = new CitationIndex();
        writer.WriteLine("# Situation brief");
        writer.WriteLine();
        writer.WriteLine(Invariant($"{report.Corpus.DocumentCount} documents, {report.Corpus.Sentences:N0} sentences, {report.Corpus.Characters:N0} characters analysed; {report.Corpus.ErrorCount} inputs could not be read."));
        writer.WriteLine();

        FrontPartMarkdown.Write(report, writer, citations);

        writer.WriteLine();
        writer.WriteLine("## Timeline");
        writer.WriteLine();
        if (report.Timeline.Count == 0)
        {
            writer.WriteLine("_No dated events: the texts give no date or time that could be placed._");
        }
        else
        {
            writer.WriteLine("_Events by when the text says they happened, in UTC order; one entry per event, citing every report of it. Entries whose date the texts do not give follow in the order of their reports: a partial order. Dates mentioned in passing are listed apart, under Background._");
            writer.WriteLine();
        }

        var background = false;
        foreach (var entry in report.Timeline.OrderBy(e => e.Role == "background"))
        {
            if (entry.Role == "background" && !background)
            {
                background = true;
                writer.WriteLine();
                writer.WriteLine("### Background");
                writer.WriteLine();
            }

            var marks = string.Concat((entry.Cites ?? []).Select(c => Invariant($"[^{citations.Number(c)}]")));
            var reported = entry.Reported is null ? "report time unknown"
                : TimexLabels.Offset(entry.Reported) is { } ago ? $"report time: {ago} (relative)" : "reported " + TimexLabels.Human(entry.Reported);
            if (entry.Relation is not null)
            {
                reported = entry.Relation + "; " + reported;
            }

            if (entry.AnchorNote is not null)
            {
                reported += "; ambiguous anchor: " + entry.AnchorNote;
            }

            var holders = ClaimLabels.TimelineHolders(report, entry) is { } who ? $" — claimed by {Escape(who)}" : string.Empty;
            writer.WriteLine($"- **{Escape(TimexLabels.Human(entry.When))}** — {Escape(entry.Label)} _({Escape(entry.Expression ?? entry.When)}; {Escape(reported)})_{holders} {marks}");
        }

        WritePropositions(writer, report, citations, "Contested", PropositionLabels.Contested(report), "_Nothing contested: no proposition has both supporting and denying sources._");
        WritePropositions(writer, report, citations, "Corroborated", PropositionLabels.Corroborated(report), "_Nothing corroborated: no proposition has two independent supporting sources._");
        WriteFigures(writer, report, citations);
        if (report.Contradictions.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("### Contradictions and updates");
            writer.WriteLine();
            foreach (var c in report.Contradictions.Take(12))
            {
                writer.WriteLine($"- **{c.Kind}**: {Escape(c.Reason)}");
            }
        }

        AchRendering.WriteMarkdown(report, writer, citations.Number);
        writer.WriteLine();
        writer.WriteLine("## Key claims");
        writer.WriteLine();
        if (report.KeyClaims.Count == 0)
        {
            writer.WriteLine("_No key claims: no claim has a holder other than the author, an estimate, a quote, a negation or a number._");
        }

        foreach (var claim in ClaimLabels.KeyClaims(report))
        {
            var mark = Invariant($"[^{citations.Number(new BriefSpan(claim.Doc, claim.Start, claim.End))}]");
            writer.WriteLine($"- “{Escape(claim.Text)}” {mark}");
            writer.WriteLine($"  holder: {Escape(ClaimLabels.Holder(claim))}; likelihood: {Escape(ClaimLabels.Likelihood(claim))}; kind: {Escape(ClaimLabels.Kind(claim))}");
        }

        writer.WriteLine();
        writer.WriteLine("## Extracted takeaways");
        writer.WriteLine();
        if (report.Takeaways.Count == 0)
        {
            writer.WriteLine("_No takeaways: the corpus has no sentence that sums it up._");
        }

        foreach (var takeaway in report.Takeaways)
        {
            var marks = string.Concat(takeaway.Cites.Select(c => Invariant($"[^{citations.Number(c)}]")));
            writer.WriteLine($"- {Escape(takeaway.Text)} {marks}");
        }

        WriteActors(report, context.Texts, writer);
        writer.WriteLine();
        writer.WriteLine("## Documents");
        writer.WriteLine();
        writer.WriteLine("| # | Document | Kind | Outlet | Published | Grade | Posts | Boilerplate |");
        writer.WriteLine("|---|---|---|---|---|---|---|---|");
        var n = 0;
        foreach (var doc in report.Documents)
        {
            n++;
            writer.WriteLine(Invariant($"| {n} | {Cell(doc.Title ?? doc.Path)}<br>`{Cell(doc.Path)}` | {doc.Kind}{(doc.SyndicationGroup is { } group ? " · syndication " + group : string.Empty)} | {Cell(doc.Source.Outlet ?? "—")} | {doc.Source.Published ?? "—"} | {doc.Source.Reliability ?? "—"} | {doc.Posts.Count} | {doc.Boilerplate.Count} |"));
        }

        if (report.Errors.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("## Inputs not analysed");
            writer.WriteLine();
            foreach (var error in report.Errors)
            {
                writer.WriteLine($"- `{Cell(error.Path)}` {error.Code} ({error.Severity}): {Escape(error.Message)}");
            }
        }

        if (citations.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("## Sources cited");
            writer.WriteLine();
            foreach (var (span, number) in citations.InOrder())
            {
                var doc = context.DocumentOf(span.Doc);
                var quote = Escape(Sitrep.Text.WhiteSpace.OneLine(context.Quote(span)));
                writer.WriteLine(Invariant($"[^{number}]: {Escape(context.SourceLabel(span))}, `{Cell(doc?.Path ?? span.Doc)}` {context.Location(span)}: “{quote}”"));
            }
        }
    }

    private static void WriteActors(BriefReport report, IReadOnlyDictionary<string, string> texts, TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("## All actors");
        writer.WriteLine();
        var actors = ActorList.Of(report, texts);
        if (actors.Count == 0)
        {
            writer.WriteLine("_No people or organisations recognised._");
            return;
        }

        writer.WriteLine("| Actor | Type | Mentions | Documents | Also written |");
        writer.WriteLine("|---|---|---|---|---|");
        foreach (var actor in actors)
        {
            var docs = string.Join(", ", actor.Documents.Select(d => Invariant($"#{d}")));
            var aliases = actor.Entity.Aliases.Count == 0 ? "—" : Cell(string.Join("; ", actor.Entity.Aliases.Take(ActorList.MaxAliases)));
            writer.WriteLine(Invariant($"| {Cell(actor.Entity.Name)} | {actor.Entity.Type} | {actor.Mentions} | {docs} | {aliases} |"));
        }
    }

    private static void WritePropositions(TextWriter writer, BriefReport report, CitationIndex citations, string title, IEnumerable<BriefProposition> propositions, string empty)
    {
        writer.WriteLine();
        writer.WriteLine($"## {title} propositions");
        writer.WriteLine();
        var any = false;
        foreach (var p in propositions)
        {
            any = true;
            var mark = p.Cite is { } cite ? Invariant($" [^{citations.Number(cite)}]") : string.Empty;
            writer.WriteLine($"- “{Escape(p.Label)}”{mark} — {PropositionLabels.Summary(p)}");
            foreach (var (source, stance, grade, span) in PropositionLabels.Stances(report, p))
            {
                writer.WriteLine(Invariant($"  - {stance}: {Escape(source)} **{grade}** [^{citations.Number(span)}]"));
            }
        }

        if (!any)
        {
            writer.WriteLine(empty);
        }
    }

    /// <summary>Disputed, updated and agreed figures, each source's value beside the others with its citation.</summary>
    private static void WriteFigures(TextWriter writer, BriefReport report, CitationIndex citations)
    {
        if (report.Figures.Count == 0 && report.States.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("## Figures side by side");
        writer.WriteLine();
        foreach (var state in report.States)
        {
            var marks = string.Concat(state.AllReadings.Select(s => Invariant($"[^{citations.Number(s.Cite)}]")));
            var head = state.Steps.Count == 0 ? $"Disputed — {Escape(state.Topic)}" : $"Where it stands — {Escape(state.Topic)}: {Escape(state.Now)}";
            writer.WriteLine($"- **{head}**{(state.Disputed && state.Steps.Count > 0 ? " (still disputed)" : string.Empty)}. {Escape(state.Summary)} {marks}");
        }

        // A table with a header and no rows says nothing: with only story states, the list above is the section.
        if (report.Figures.Count == 0)
        {
            return;
        }

        if (report.States.Count > 0)
        {
            writer.WriteLine();
        }

        writer.WriteLine("| Figure | Verdict | Values by source (report time) |");
        writer.WriteLine("|---|---|---|");
        foreach (var figure in report.Figures)
        {
            var values = string.Join("<br>", figure.Values.Select(v =>
                Invariant($"**{Cell(v.Value)}** — {Cell(v.Source)}{(v.ReportTime is { } t ? " (" + t + ")" : string.Empty)}{(v.Likelihood is { } l ? ", " + l : string.Empty)} [^{citations.Number(v.Cite)}]")));
            writer.WriteLine($"| {Cell(figure.Label)} | {figure.Verdict} | {values} |");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);


    /// <summary>Escapes Markdown and HTML specials so source text cannot inject markup into the brief.</summary>
    public static string Escape(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#':
                    sb.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static string Cell(string text) => Escape(text).Replace("`", "'", StringComparison.Ordinal);
}

/// <summary>Numbers citations in order of first appearance.</summary>
internal sealed class CitationIndex
{
    private readonly Dictionary<BriefSpan, int> _numbers = [];
    private readonly List<BriefSpan> _order = [];

    public int Count => _order.Count;

    public int Number(BriefSpan span)
    {
        if (!_numbers.TryGetValue(span, out var number))
        {
            number = _order.Count + 1;
            _numbers[span] = number;
            _order.Add(span);
        }

        return number;
    }

    public IEnumerable<(BriefSpan Span, int Number)> InOrder() => _order.Select((s, i) => (s, i + 1));
}
