using System.Globalization;
using System.Net;
using Sitrep.Brief.Model;

namespace Sitrep.Brief.Rendering;

/// <summary>
/// Writes the front part of brief.html. Each citation opens its excerpt in place (a <c>&lt;details&gt;</c>, no script)
/// with links to the excerpt in its context, to the document, and back.
/// </summary>
internal sealed class FrontPartHtml(BriefContext context, CitationIndex citations)
{
    private const int ExcerptChars = 420;

    private readonly HashSet<int> _anchored = [];
    private int _opened;

    /// <summary>The sections, in order, with their ids and titles, for the table of contents.</summary>
    public static IReadOnlyList<(string Id, string Title)> Sections { get; } =
    [
        ("bottom-line", "Bottom line"), ("judgments", "Key judgments"), ("confirmed", "Confirmed"), ("disputed", "Disputed"),
        ("unresolved", "Unresolved"), ("changed", "Changed"), ("actors-that-matter", "Actors that matter"), ("watch", "What to watch"),
    ];

    /// <summary>Citation numbers that have an in-place anchor (<c>ref-N</c>) to come back to.</summary>
    public IReadOnlySet<int> Anchored => _anchored;

    public void Write(TextWriter writer)
    {
        var report = context.Report;
        writer.WriteLine("<section id=\"bottom-line\" class=\"front\"><h2>Bottom line</h2>");
        if (report.BottomLine.Count == 0)
        {
            writer.WriteLine("<div class=\"empty\">No bottom line: no proposition has two graded outlets behind it.</div>");
        }
        else
        {
            writer.Write("<div class=\"bluf\">");
            foreach (var line in report.BottomLine)
            {
                writer.Write($"<span class=\"sentence\">{E(line.Text)}{Cites(line.Cites)}</span> ");
            }

            writer.WriteLine("</div>");
        }

        writer.WriteLine("</section>");

        writer.WriteLine("<section id=\"judgments\" class=\"front\"><h2>Key judgments</h2>");
        if (report.KeyJudgments.Count == 0)
        {
            writer.WriteLine(report.BottomLine.Any(b => b.Proposition is not null)
                ? "<div class=\"empty\">No key judgments beyond the bottom line: nothing else is confirmed by two sources.</div>"
                : "<div class=\"empty\">No key judgments: nothing is confirmed by two graded outlets.</div>");
        }
        else
        {
            writer.WriteLine("<ol class=\"judgments\">");
            foreach (var j in report.KeyJudgments)
            {
                writer.WriteLine($"<li><span class=\"likelihood\">{E(FrontPartMarkdown.Capital(j.Likelihood))}</span> <span class=\"confidence c-{E(j.Confidence)}\">{E(j.Confidence)} confidence</span>: {E(j.Text)}{Cites(j.Cites)}<div class=\"basis\">Basis: {E(j.Basis)}.{(j.Linchpin is { } linchpin ? " Hangs on: " + E(linchpin) + "." : string.Empty)}</div></li>");
            }

            writer.WriteLine("</ol>");
        }

        if (report.SourceJudgments.Count > 0)
        {
            writer.WriteLine("<div class=\"note\">The sources' own judgments (theirs, not Sitrep's):</div><ul class=\"theirs\">");
            foreach (var s in report.SourceJudgments)
            {
                writer.WriteLine($"<li>{E(s.Text)}{Cites(s.Cites)}</li>");
            }

            writer.WriteLine("</ul>");
        }

        writer.WriteLine("</section>");
        Items(writer, "confirmed", BriefStatusItem.ConfirmedTitle(report.Status.Confirmed), report.Status.Confirmed, "Nothing is confirmed by two graded outlets.");

        writer.WriteLine("<section id=\"disputed\" class=\"front\"><h2>Disputed</h2>");
        var figures = report.Status.Disputed.Where(d => d.Figure is not null).ToList();
        if (figures.Count > 0)
        {
            writer.WriteLine("<table class=\"figures\"><thead><tr><th>Figure</th><th>Values by source</th></tr></thead><tbody>");
            foreach (var item in figures)
            {
                if (FrontPartMarkdown.RowOf(report, item) is not { } figure)
                {
                    continue;
                }

                writer.Write($"<tr><td>{E(figure.Label)}{(item.Label is { } label ? $"<div class=\"note\">{E(label)}</div>" : string.Empty)}</td><td><ul>");
                foreach (var (value, sources, cites) in FrontPartMarkdown.FigureRows(figure))
                {
                    writer.Write($"<li><strong>{E(value)}</strong> — {E(sources)}{Cites(cites)}</li>");
                }

                writer.WriteLine("</ul></td></tr>");
            }

            writer.WriteLine("</tbody></table>");
        }

        var disputed = report.Status.Disputed.Where(d => d.Figure is null).ToList();
        if (disputed.Count > 0)
        {
            writer.WriteLine("<ul class=\"status\">");
            foreach (var item in disputed)
            {
                writer.WriteLine(Item(item));
            }

            writer.WriteLine("</ul>");
        }

        if (figures.Count == 0 && disputed.Count == 0)
        {
            writer.WriteLine("<div class=\"empty\">Nothing disputed: no figure or proposition has sources on both sides.</div>");
        }

        writer.WriteLine("</section>");
        Items(writer, "unresolved", "Unresolved", report.Status.Open, "Nothing open: every disputed matter has a latest status.");
        Items(writer, "changed", report.Status.Since is { } since ? "Changed since " + since : "Changed", report.Status.Changed, "Nothing changed: no story state, updated figure or later report.");

        writer.WriteLine("<section id=\"actors-that-matter\" class=\"front\"><h2>Actors that matter</h2>");
        if (report.ActorsThatMatter.Count == 0)
        {
            writer.WriteLine("<div class=\"empty\">No actors recognised.</div>");
        }
        else
        {
            writer.WriteLine("<ul class=\"actors\">");
            foreach (var a in report.ActorsThatMatter)
            {
                var claimed = string.Concat(a.Claimed.Select(c => $" {E(c.Text)}{Cites(c.Cites)}"));
                writer.WriteLine($"<li><strong>{E(a.Name)}</strong> <span class=\"meta\">{E(a.Role)}</span>{claimed}</li>");
            }

            writer.WriteLine("</ul>");
        }

        writer.WriteLine("</section>");

        writer.WriteLine("<section id=\"watch\" class=\"front\"><h2>What to watch</h2>");
        if (report.Watch.Count == 0)
        {
            writer.WriteLine("<div class=\"empty\">Nothing awaiting confirmation.</div>");
        }
        else
        {
            writer.WriteLine("<ul class=\"status\">");
            foreach (var w in report.Watch)
            {
                writer.WriteLine($"<li>{E(w.Text)}{Cites(w.Cites)} <span class=\"meta\">{E(w.Reason)}</span></li>");
            }

            writer.WriteLine("</ul>");
        }

        writer.WriteLine("</section>");
    }

    private void Items(TextWriter writer, string id, string title, IReadOnlyList<BriefStatusItem> items, string empty)
    {
        writer.WriteLine($"<section id=\"{id}\" class=\"front\"><h2>{E(title)}</h2>");
        if (items.Count == 0)
        {
            writer.WriteLine($"<div class=\"empty\">{E(empty)}</div></section>");
            return;
        }

        writer.WriteLine("<ul class=\"status\">");
        // A label the title already says is not repeated on every line.
        var titled = BriefStatusItem.IsReportedOnly(items);
        foreach (var item in items)
        {
            writer.WriteLine(Item(titled ? item with { Label = null } : item));
        }

        writer.WriteLine("</ul></section>");
    }

    private string Item(BriefStatusItem item)
    {
        var label = item.Label is { } l ? $"<span class=\"label label-{E(l.Replace(' ', '-'))}\">{E(l)}</span> " : string.Empty;
        return $"<li>{label}{E(item.Text)}{Cites(item.Cites)} <span class=\"meta\">{E(item.Basis)}</span></li>";
    }

    /// <summary>Citation marks that open their excerpt in place.</summary>
    private string Cites(IEnumerable<BriefSpan> cites)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var span in cites)
        {
            var number = citations.Number(span);
            var anchor = _anchored.Add(number) ? Invariant($" id=\"ref-{number}\"") : string.Empty;
            _opened++;
            var doc = context.DocumentOf(span.Doc);
            var source = context.SourceLabel(span);
            var quote = context.Quote(span);
            if (quote.Length > ExcerptChars)
            {
                quote = quote[..ExcerptChars] + "…";
            }

            sb.Append(Invariant($"<details class=\"cite\"{anchor}><summary>[{number}]</summary><span class=\"pop\" id=\"ex-{_opened}\"><span class=\"pop-source\">{E(source)}</span> "));
            sb.Append(Invariant($"<span class=\"pop-quote\">{E(Sitrep.Text.WhiteSpace.OneLine(quote))}</span> "));
            sb.Append(Invariant($"<a href=\"#cite-{number}\">in context ↓</a> · <a href=\"#doc-{E(span.Doc)}\">document</a>"));
            if (doc is not null && HtmlBriefRenderer.SafeUrl(doc.Source.Url) is { } url)
            {
                sb.Append($" · <a href=\"{E(url)}\" rel=\"noreferrer noopener\">original</a>");
            }

            sb.Append("</span></details>");
        }

        return sb.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
