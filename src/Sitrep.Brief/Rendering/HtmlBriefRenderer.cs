using System.Globalization;
using System.Net;
using Sitrep.Brief.Model;
using Sitrep.Time.Timeline;

namespace Sitrep.Brief.Rendering;

/// <summary>
/// Writes <c>brief.html</c>: one self-contained page (inline CSS, no scripts, no external requests). Every piece of
/// source text is HTML-escaped and a Content-Security-Policy forbids scripts, because source documents are untrusted.
/// Each citation links to the cited characters, shown highlighted within their context.
/// </summary>
public sealed class HtmlBriefRenderer : IBriefRenderer
{
    private const int ContextChars = 220;

    private const string Style = """
        :root { --ink:#1b1f24; --muted:#5b6470; --line:#d8dde3; --accent:#0b5cad; --mark:#fff0a8; --bg:#fbfbfa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        header { background: #14263d; color: #fff; padding: 20px 32px; }
        header h1 { margin: 0 0 4px; font-size: 24px; letter-spacing: .02em; }
        header p { margin: 0; color: #c9d6e6; }
        main { max-width: 1240px; margin: 0 auto; padding: 8px 32px 48px; }
        section { margin-top: 28px; }
        h2 { font-size: 18px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        ol.takeaways li { margin: 8px 0; }
        a.cite { font-size: 12px; vertical-align: super; text-decoration: none; color: var(--accent); margin-left: 2px; }
        .grade { display: inline-block; font: 600 11px/1 ui-monospace, monospace; background: #e6eef7; color: #0b3d6e; border-radius: 3px; padding: 3px 4px; margin-left: 4px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #eef1f4; font-weight: 600; }
        td a, td code { overflow-wrap: anywhere; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        code { font: 12px ui-monospace, monospace; color: var(--muted); }
        .sources li { margin: 10px 0; }
        .excerpt { display: block; margin-top: 4px; padding: 8px 10px; background: #fff; border-left: 3px solid var(--line); color: var(--muted); white-space: pre-wrap; }
        .excerpt mark { background: var(--mark); color: var(--ink); }
        .errors li { color: #8a1c1c; }
        .warning { color: #7a5b00 !important; }
        .empty { color: var(--muted); font-style: italic; }
        .propositions > li { margin: 10px 0; }
        .propositions .meta { color: var(--muted); font-size: 13px; margin-left: 6px; }
        .stance-support { color: #1d6b2f; }
        table.ach td.r-cc { background: #cfe9d5; } table.ach td.r-c { background: #e6f4e9; }
        table.ach td.r-i { background: #f6e0e0; } table.ach td.r-ii { background: #ecc3c3; } table.ach td.r-na { color: #9aa3ad; }
        .stance-deny { color: #a12a2a; }
        .stance-query { color: #7a5b00; }
        .note { color: var(--muted); font-size: 13px; }
        table.timeline small { color: var(--muted); }
        nav.toc { max-width: 1240px; margin: 0 auto; padding: 10px 32px 0; font-size: 14px; }
        nav.toc ol { display: inline; padding: 0; margin: 0; } nav.toc li { display: inline; margin-right: 12px; }
        nav.toc > ol > li > ol { margin-left: 4px; } nav.toc > ol > li > ol > li { margin-right: 8px; font-size: 13px; }
        nav.toc strong { margin-right: 12px; }
        section.front { margin-top: 18px; } section.front h2 { margin-bottom: 6px; }
        .bluf { font-size: 16px; line-height: 1.6; background: #fff; border-left: 4px solid #14263d; padding: 10px 14px; }
        ol.judgments li, ul.status li, ul.actors li, ul.theirs li { margin: 6px 0; }
        .likelihood { font-weight: 700; } .confidence { display: inline-block; font-size: 12px; border-radius: 3px; padding: 1px 5px; background: #eef1f4; }
        .c-high { background: #d7ecd9; } .c-moderate { background: #f3ecc8; } .c-low { background: #f3d9d9; }
        .basis, .meta { color: var(--muted); font-size: 13px; }
        .label { font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: #8a1c1c; }
        .bluf, ol.judgments li, ul.status li, ul.actors li, ul.theirs li, table.figures td { position: relative; }
        details.cite { display: inline-block; vertical-align: super; line-height: 1; }
        details.cite > summary { display: inline; cursor: pointer; color: var(--accent); font-size: 12px; list-style: none; margin-left: 2px; }
        details.cite > summary::-webkit-details-marker { display: none; }
        details.cite[open] > summary { font-weight: 700; }
        details.cite .pop { position: absolute; z-index: 5; left: 0; right: 0; margin-top: 1.4em; scroll-margin-top: 140px; line-height: 1.45; vertical-align: baseline; padding: 8px 10px; background: #fff; border-left: 3px solid var(--accent); font-size: 13px; font-weight: 400; color: var(--ink); box-shadow: 0 1px 4px rgba(0,0,0,.15); }
        .pop-source { font-weight: 600; } .pop-quote { background: var(--mark); }
        h2.appendix-title { margin-top: 40px; font-size: 20px; }
        details.appendix { margin: 8px 0; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
        details.appendix > summary { cursor: pointer; padding: 8px 12px; font-weight: 600; font-size: 16px; }
        details.appendix > section { margin: 0; padding: 0 12px 12px; } details.appendix > section > h2 { font-size: 16px; }
        a.back { font-size: 12px; margin-left: 6px; }
        @media print {
          body { background: #fff; font-size: 10.5pt; } header { background: none; color: #000; padding: 0 0 8px; } header p { color: #333; }
          nav.toc, details.cite .pop { display: none; } details.cite > summary { color: #000; }
          main { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; }
          details.appendix { border: 0; } details.appendix > summary { display: none; }
          details.appendix::details-content { content-visibility: visible; display: block; }
          details.appendix > section > h2 { display: block; }
          h2 { break-after: avoid; } li, tr { break-inside: avoid; }
          h2.appendix-title { break-before: page; }
        }
        """;

    /// <inheritdoc />
    public string FileName => "brief.html";

    /// <inheritdoc />
    public void Render(BriefContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var report = context.Report;
        var citations = new CitationIndex();
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        writer.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine("<title>Sitrep brief</title>");
        writer.WriteLine($"<style>{Style}</style></head><body>");
        writer.WriteLine("<header><h1>Situation brief</h1>");
        writer.WriteLine(Invariant($"<p>{report.Corpus.DocumentCount} documents · {report.Corpus.Sentences:N0} sentences · {report.Corpus.Characters:N0} characters · {report.Corpus.ErrorCount} inputs not read · generated by {E(report.Generator.Name)} {E(report.Generator.Version)}</p></header>"));
        writer.WriteLine("<nav class=\"toc\" aria-label=\"Contents\"><strong>Contents</strong><ol>");
        foreach (var (id, title) in FrontPartHtml.Sections)
        {
            writer.WriteLine($"<li><a href=\"#{id}\">{E(title)}</a></li>");
        }

        writer.WriteLine("<li><a href=\"#appendix\">Evidence appendix</a><ol>");
        foreach (var (id, title) in Appendix)
        {
            writer.WriteLine($"<li><a href=\"#{id}\">{E(title)}</a></li>");
        }

        writer.WriteLine("</ol></li></ol></nav>");
        writer.WriteLine("<main>");
        var front = new FrontPartHtml(context, citations);
        front.Write(writer);

        writer.WriteLine("<h2 id=\"appendix\" class=\"appendix-title\">Evidence appendix</h2>");
        if (FrontPartMarkdown.OmittedNote(report) is { } omitted)
        {
            writer.WriteLine($"<p class=\"note\">{E(omitted)}</p>");
        }

        Open(writer, "a-timeline");
        WriteTimeline(report, citations, writer);
        Close(writer);
        Open(writer, "a-propositions");
        WritePropositions(writer, report, citations, "contested", "Contested", PropositionLabels.Contested(report), "Nothing contested: no proposition has both supporting and denying sources.");
        WritePropositions(writer, report, citations, "corroborated", "Corroborated", PropositionLabels.Corroborated(report), "Nothing corroborated: no proposition has two independent supporting sources.");
        Close(writer);
        Open(writer, "a-figures");
        WriteFigures(writer, report, citations);
        if (report.Contradictions.Count > 0)
        {
            writer.WriteLine("<section id=\"contradictions\"><h2>Contradictions and updates</h2><ul>");
            foreach (var c in report.Contradictions.Take(12))
            {
                writer.WriteLine($"<li><strong>{E(c.Kind)}</strong>: {E(c.Reason)}</li>");
            }

            writer.WriteLine("</ul></section>");
        }

        Close(writer);
        Open(writer, "a-ach");
        WriteAch(writer, report, citations);
        Close(writer);
        Open(writer, "a-claims");
        writer.WriteLine("<section id=\"claims\"><h2>Key claims</h2>");
        if (report.KeyClaims.Count == 0)
        {
            writer.WriteLine("<p class=\"empty\">No key claims: no claim has a holder other than the author, an estimate, a quote, a negation or a number.</p>");
        }
        else
        {
            writer.WriteLine("<table class=\"claims\"><thead><tr><th>Claim</th><th>Holder</th><th>Likelihood</th><th>Kind</th></tr></thead><tbody>");
            foreach (var claim in ClaimLabels.KeyClaims(report))
            {
                var number = citations.Number(new BriefSpan(claim.Doc, claim.Start, claim.End));
                writer.WriteLine(Invariant($"<tr><td>{E(claim.Text)}<a class=\"cite\" href=\"#cite-{number}\">[{number}]</a></td><td>{E(ClaimLabels.Holder(claim))}</td><td>{E(ClaimLabels.Likelihood(claim))}</td><td>{E(ClaimLabels.Kind(claim))}</td></tr>"));
            }

            writer.WriteLine("</tbody></table>");
        }

        writer.WriteLine("</section>");

        writer.WriteLine("<section id=\"takeaways\"><h2>Extracted takeaways</h2>");
        if (report.Takeaways.Count == 0)
        {
            writer.WriteLine("<p class=\"empty\">No takeaways: the corpus has no sentence that sums it up.</p>");
        }
        else
        {
            writer.WriteLine("<ol class=\"takeaways\">");
            foreach (var takeaway in report.Takeaways)
            {
                writer.Write("<li>");
                writer.Write(E(takeaway.Text));
                foreach (var cite in takeaway.Cites)
                {
                    var number = citations.Number(cite);
                    writer.Write(Invariant($"<a class=\"cite\" href=\"#cite-{number}\">[{number}]</a>"));
                }

                writer.WriteLine("</li>");
            }

            writer.WriteLine("</ol>");
        }

        writer.WriteLine("</section>");

        WriteActors(report, context.Texts, writer);
        Close(writer);
        Open(writer, "a-documents");
        writer.WriteLine("<section id=\"documents\"><h2>Documents</h2><table><thead><tr><th>#</th><th>Document</th><th>Kind</th><th>Source</th><th>Published</th><th>Grade</th><th>Posts</th><th>Boilerplate</th></tr></thead><tbody>");
        var n = 0;
        foreach (var doc in report.Documents)
        {
            n++;
            var source = doc.Source.Outlet ?? "—";
            if (doc.Source.Author is { } author)
            {
                source += " · " + author;
            }

            var link = SafeUrl(doc.Source.Url) is { } url ? $"<br><a href=\"{E(url)}\" rel=\"noreferrer noopener\">{E(url)}</a>" : string.Empty;
            writer.WriteLine(Invariant($"<tr id=\"doc-{E(doc.Id)}\"><td class=\"num\">{n}</td><td>{E(doc.Title ?? doc.Path)}<br><code>{E(doc.Path)}</code></td><td>{E(doc.Kind)}{(doc.SyndicationGroup is { } group ? " · syndication " + E(group) : string.Empty)}</td><td>{E(source)}{link}</td><td>{E(doc.Source.Published ?? "—")}</td><td>{E(doc.Source.Reliability ?? "—")}</td><td class=\"num\">{doc.Posts.Count}</td><td class=\"num\">{doc.Boilerplate.Count}</td></tr>"));
        }

        writer.WriteLine("</tbody></table></section>");

        if (report.Errors.Count > 0)
        {
            writer.WriteLine("<section id=\"errors\"><h2>Inputs not analysed</h2><ul class=\"errors\">");
            foreach (var error in report.Errors)
            {
                var cls = error.Severity == "warning" ? " class=\"warning\"" : string.Empty;
                writer.WriteLine($"<li{cls}><code>{E(error.Path)}</code> <strong>{E(error.Code)}</strong> {E(error.Message)}</li>");
            }

            writer.WriteLine("</ul></section>");
        }

        Close(writer);
        if (citations.Count > 0)
        {
            Open(writer, "a-sources");
            writer.WriteLine("<section id=\"sources\"><h2>Sources cited</h2><ol class=\"sources\">");
            foreach (var (span, number) in citations.InOrder())
            {
                WriteCitation(context, span, number, front.Anchored.Contains(number), writer);
            }

            writer.WriteLine("</ol></section>");
            Close(writer);
        }

        writer.WriteLine("</main></body></html>");
    }

    private static void WriteTimeline(BriefReport report, CitationIndex citations, TextWriter writer)
    {
        writer.WriteLine("<section id=\"timeline\"><h2>Timeline</h2>");
        if (report.Timeline.Count == 0)
        {
            writer.WriteLine("<p class=\"empty\">No dated events: the texts give no date or time that could be placed.</p></section>");
            return;
        }

        writer.WriteLine("<p class=\"note\">Events by when the text says they happened. Filled marks have a known date and are ordered by it; hollow marks have none (for example a clock time with no day) and follow in the order they were reported: a partial order.</p>");
        var charted = report.Timeline.Where(e => e.Role != "background").ToList();
        writer.WriteLine(TimelineChart.Svg(charted, TimelineChart.Lanes(report)));
        if (charted.Count > 60)
        {
            writer.WriteLine(Invariant($"<p class=\"note\">The chart shows 60 of {charted.Count} entries (those reported by most documents); the table lists all.</p>"));
        }

        writer.WriteLine("<table class=\"timeline\"><thead><tr><th>When</th><th>Reported</th><th>Event</th><th>Sources</th></tr></thead><tbody>");
        foreach (var entry in report.Timeline.OrderBy(e => e.Role == "background"))
        {
            var role = entry.Role == "background" ? " <span class=\"warning\">(background)</span>" : string.Empty;
            var relation = entry.Relation is null ? string.Empty : " · " + E(entry.Relation);
            writer.Write(Invariant($"<tr><td>{E(TimexLabels.Human(entry.When))}{role}<br><small>{E(entry.Expression)} · {E(entry.Anchor)}{relation}{(entry.AnchorNote is null ? string.Empty : " · ambiguous: " + E(entry.AnchorNote))}</small></td><td>{E(entry.Reported is null ? "—" : TimexLabels.Offset(entry.Reported) is { } ago ? ago + " (relative)" : TimexLabels.Human(entry.Reported))}</td><td>{E(entry.Label)}{(ClaimLabels.TimelineHolders(report, entry) is { } who ? "<br><small>claimed by " + E(who) + "</small>" : string.Empty)}</td><td>"));
            foreach (var cite in entry.Cites ?? [])
            {
                var number = citations.Number(cite);
                writer.Write(Invariant($"<a class=\"cite\" href=\"#cite-{number}\">[{number}]</a>"));
            }

            writer.WriteLine("</td></tr>");
        }

        writer.WriteLine("</tbody></table></section>");
    }

    private static void WritePropositions(TextWriter writer, BriefReport report, CitationIndex citations, string id, string title, IEnumerable<BriefProposition> propositions, string empty)
    {
        writer.WriteLine($"<section id=\"{id}\"><h2>{E(title)}</h2>");
        var any = false;
        foreach (var p in propositions)
        {
            if (!any)
            {
                writer.WriteLine("<ul class=\"propositions\">");
            }

            any = true;
            var mark = p.Cite is { } cite ? Invariant($"<a class=\"cite\" href=\"#cite-{citations.Number(cite)}\">[{citations.Number(cite)}]</a>") : string.Empty;
            writer.WriteLine($"<li><q>{E(p.Label)}</q>{mark} <span class=\"meta\">{E(PropositionLabels.Summary(p))}</span><ul>");
            foreach (var (source, stance, grade, span) in PropositionLabels.Stances(report, p))
            {
                var number = citations.Number(span);
                writer.WriteLine(Invariant($"<li class=\"stance-{E(stance)}\">{E(stance)}: {E(source)}<span class=\"grade\">{E(grade)}</span><a class=\"cite\" href=\"#cite-{number}\">[{number}]</a></li>"));
            }

            writer.WriteLine("</ul></li>");
        }

        writer.WriteLine(any ? "</ul></section>" : $"<p class=\"empty\">{E(empty)}</p></section>");
    }

    private static void WriteAch(TextWriter writer, BriefReport report, CitationIndex citations)
    {
        writer.WriteLine("<section id=\"ach\"><h2>Competing hypotheses (ACH)</h2>");
        if (report.Hypotheses.Count == 0 || report.Ach is not { } ach)
        {
            writer.WriteLine("<p class=\"empty\">No hypotheses: give some with --hypotheses FILE, or the sources suggested none.</p></section>");
            return;
        }

        writer.WriteLine("<ul>");
        foreach (var h in report.Hypotheses)
        {
            var marks = string.Concat(h.Sources.Select(src => Invariant($"<a class=\"cite\" href=\"#cite-{citations.Number(src)}\">[{citations.Number(src)}]</a>")));
            var rank = Invariant($"Heuer #{h.Scores.GetValueOrDefault("heuerRank")}, inconsistency {h.Scores.GetValueOrDefault("heuerInconsistency"):0.##}; Bayes #{h.Scores.GetValueOrDefault("bayesRank")}, {h.Scores.GetValueOrDefault("bayesPosterior"):P0} ({h.Estimative})");
            writer.WriteLine($"<li><strong>{E(h.Id)}</strong> <span class=\"meta\">{E(h.Origin)}</span> {E(h.Text)}{marks}<br><span class=\"meta\">{E(rank)}</span></li>");
        }

        writer.WriteLine("</ul>");
        var linchpins = ach.Linchpins.Count == 0 ? "none" : string.Join("; ", ach.Linchpins.Select(l => $"{l.Evidence} ({l.Method}, {l.Change}: {l.Before} → {l.After})"));
        writer.WriteLine($"<p>{E(ach.Discrimination ?? string.Empty)} Most diagnostic evidence: <strong>{E(ach.MostDiagnostic ?? "none")}</strong>. Linchpins: {E(linchpins)}.</p>");
        writer.Write("<table class=\"ach\"><thead><tr><th>Evidence</th><th>Cred.</th><th>Sources</th><th>Flags</th>");
        foreach (var h in report.Hypotheses)
        {
            writer.Write($"<th title=\"{E(h.Text)}\">{E(h.Id)}</th>");
        }

        writer.WriteLine("</tr></thead><tbody>");
        foreach (var e in ach.Evidence)
        {
            var mark = e.Cites.Count > 0 ? Invariant($"<a class=\"cite\" href=\"#cite-{citations.Number(e.Cites[0])}\">[{citations.Number(e.Cites[0])}]</a>") : string.Empty;
            writer.Write(Invariant($"<tr><td>{E(e.Id)}: {E(e.Label)}{mark}</td><td class=\"num\">{e.Credibility}</td><td>{E(string.Join(' ', e.Reliabilities))}</td><td>{E(string.Join("; ", e.Flags))}</td>"));
            foreach (var h in report.Hypotheses)
            {
                var rating = h.Ratings.FirstOrDefault(r => r.Evidence == e.Id);
                writer.Write($"<td class=\"r-{E((rating?.Rating ?? "NA").ToLowerInvariant())}\" title=\"{E(rating?.Reason ?? string.Empty)}\">{E(rating?.Rating ?? "NA")}</td>");
            }

            writer.WriteLine("</tr>");
        }

        writer.WriteLine("</tbody></table>");
        if (ach.Candidates.Count > 0)
        {
            writer.WriteLine("<p>Candidates left unrated (rate them in a ratings file if they bear on a hypothesis):</p><ul>");
            foreach (var c in ach.Candidates)
            {
                var mark = c.Cites.Count > 0 ? Invariant($"<a class=\"cite\" href=\"#cite-{citations.Number(c.Cites[0])}\">[{citations.Number(c.Cites[0])}]</a>") : string.Empty;
                writer.WriteLine($"<li>{E(c.Evidence)} → {E(c.Hypothesis)}: {E(c.Label)}{mark} <span class=\"meta\">{E(c.Reason)}</span></li>");
            }

            writer.WriteLine("</ul>");
        }

        writer.WriteLine("</section>");
    }

    /// <summary>The appendix sections, each collapsible, with their ids and titles.</summary>
    private static readonly (string Id, string Title)[] Appendix =
    [
        ("a-timeline", "Timeline"), ("a-propositions", "All propositions and contradictions"), ("a-figures", "Figures side by side"),
        ("a-ach", "Competing hypotheses (ACH)"), ("a-claims", "Key claims, takeaways and all actors"), ("a-documents", "Documents"),
        ("a-sources", "Sources cited"),
    ];

    private static void Open(TextWriter writer, string id) =>
        writer.WriteLine($"<details class=\"appendix\" id=\"{id}\"><summary>{E(Appendix.First(a => a.Id == id).Title)}</summary>");

    private static void Close(TextWriter writer) => writer.WriteLine("</details>");

    private static void WriteCitation(BriefContext context, BriefSpan span, int number, bool back, TextWriter writer)
    {
        var doc = context.DocumentOf(span.Doc);
        var grade = doc?.Source.Reliability is { } g ? $"<span class=\"grade\">{E(g)}</span>" : string.Empty;
        writer.Write(Invariant($"<li id=\"cite-{number}\"><a href=\"#doc-{E(span.Doc)}\">{E(doc?.Source.Outlet ?? doc?.Path ?? span.Doc)}</a>{grade} <code>{E(doc?.Path ?? span.Doc)} {E(context.Location(span))}</code>"));
        if (context.Texts.TryGetValue(span.Doc, out var text) && span.End <= text.Length)
        {
            var from = Math.Max(0, span.Start - ContextChars);
            var to = Math.Min(text.Length, span.End + ContextChars);
            writer.Write("<span class=\"excerpt\">");
            writer.Write(from > 0 ? "…" : string.Empty);
            writer.Write(E(text[from..span.Start]));
            writer.Write("<mark>");
            writer.Write(E(text[span.Start..span.End]));
            writer.Write("</mark>");
            writer.Write(E(text[span.End..to]));
            writer.Write(to < text.Length ? "…" : string.Empty);
            writer.Write("</span>");
        }

        if (back)
        {
            writer.Write(Invariant($" <a class=\"back\" href=\"#ref-{number}\">↩ back</a>"));
        }

        writer.WriteLine("</li>");
    }

    internal static string? SafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    private static void WriteActors(BriefReport report, IReadOnlyDictionary<string, string> texts, TextWriter writer)
    {
        writer.WriteLine("<section id=\"actors\"><h2>Actors</h2>");
        var actors = ActorList.Of(report, texts);
        if (actors.Count == 0)
        {
            writer.WriteLine("<p class=\"empty\">No people or organisations recognised.</p></section>");
            return;
        }

        writer.WriteLine("<table><thead><tr><th>Actor</th><th>Type</th><th>Mentions</th><th>Documents</th><th>Also written</th></tr></thead><tbody>");
        foreach (var actor in actors)
        {
            var docs = string.Join(", ", actor.Documents.Select(d => Invariant($"<a href=\"#doc-{E(report.Documents[d - 1].Id)}\">#{d}</a>")));
            var aliases = actor.Entity.Aliases.Count == 0 ? "—" : E(string.Join("; ", actor.Entity.Aliases.Take(ActorList.MaxAliases)));
            writer.WriteLine(Invariant($"<tr id=\"actor-{E(actor.Entity.Id)}\"><td>{E(actor.Entity.Name)}</td><td>{E(actor.Entity.Type)}</td><td class=\"num\">{actor.Mentions}</td><td>{docs}</td><td>{aliases}</td></tr>"));
        }

        writer.WriteLine("</tbody></table></section>");
    }

    /// <summary>Disputed, updated and agreed figures, each source's value beside the others with its citation.</summary>
    private static void WriteFigures(TextWriter writer, BriefReport report, CitationIndex citations)
    {
        if (report.Figures.Count == 0 && report.States.Count == 0)
        {
            return;
        }

        writer.WriteLine("<section id=\"figures\"><h2>Figures side by side</h2>");
        foreach (var state in report.States)
        {
            var marks = string.Concat(state.AllReadings.Select(s => Invariant($"<a class=\"cite\" href=\"#cite-{citations.Number(s.Cite)}\">[{citations.Number(s.Cite)}]</a>")));
            var head = state.Steps.Count == 0 ? $"Disputed — {E(state.Topic)}" : $"Where it stands — {E(state.Topic)}: {E(state.Now)}";
            writer.WriteLine($"<p class=\"state\"><strong>{head}</strong>{(state.Disputed && state.Steps.Count > 0 ? " (still disputed)" : string.Empty)}. {E(state.Summary)}{marks}</p>");
        }

        // A table with a header and no rows says nothing: with only story states, the paragraphs above are the section.
        if (report.Figures.Count == 0)
        {
            writer.WriteLine("</section>");
            return;
        }

        writer.WriteLine("<table class=\"figures\"><thead><tr><th>Figure</th><th>Verdict</th><th>Values by source</th></tr></thead><tbody>");
        foreach (var figure in report.Figures)
        {
            writer.Write(Invariant($"<tr class=\"{E(figure.Verdict)}\"><td>{E(figure.Label)}</td><td>{E(figure.Verdict)}<br><small>{E(figure.Reason)}</small></td><td><ul>"));
            foreach (var v in figure.Values)
            {
                var number = citations.Number(v.Cite);
                var when = v.ReportTime is { } t ? " (" + t + ")" : string.Empty;
                var likely = v.Likelihood is { } l ? ", " + l : string.Empty;
                writer.Write(Invariant($"<li><strong>{E(v.Value)}</strong> — {E(v.Source)}{E(when)}{E(likely)}<a class=\"cite\" href=\"#cite-{number}\">[{number}]</a></li>"));
            }

            writer.WriteLine("</ul></td></tr>");
        }

        writer.WriteLine("</tbody></table></section>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>HTML-escapes text, including quotes, so it is safe in element content and attribute values.</summary>
    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
