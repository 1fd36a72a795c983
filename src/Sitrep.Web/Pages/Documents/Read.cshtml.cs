using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sitrep.Brief.Model;
using Sitrep.Web.Story;
using Sitrep.Web.Web;

namespace Sitrep.Web.Pages.Documents;

/// <summary>One piece of the reader's text and how it is marked.</summary>
/// <param name="Text">The characters.</param>
/// <param name="Mark">null, <c>cited</c>, <c>claim</c>, <c>entity</c> or <c>boilerplate</c>.</param>
/// <param name="Title">What the mark is, shown on hover.</param>
public sealed record Segment(string Text, string? Mark, string? Title);

/// <summary>The reader: a document's text with the cited span, claims, actors and boilerplate marked.</summary>
[OutputCache(PolicyName = StoryViewCache.PolicyName)]
public sealed class ReadModel(StoryService story, HtmlEncoder encoder) : PageModel
{
    private const int MaxMarkedChars = 2_000_000;

    /// <summary>The document id.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>Start of the cited span.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Start { get; set; }

    /// <summary>End of the cited span.</summary>
    [BindProperty(SupportsGet = true)]
    public int? End { get; set; }

    /// <summary>The stored document.</summary>
    public Sitrep.Documents.Document Document { get; private set; } = null!;

    /// <summary>Its metadata in the stored brief.</summary>
    public BriefDocument? Metadata { get; private set; }

    /// <summary>The text in marked pieces.</summary>
    public IReadOnlyList<Segment> Segments { get; private set; } = [];

    /// <summary>Claims read from it.</summary>
    public IReadOnlyList<BriefClaim> Claims { get; private set; } = [];

    /// <summary>Reads the document, or 404.</summary>
    public IActionResult OnGet()
    {
        if (story.Find(Id) is not { } doc)
        {
            return NotFound();
        }

        Document = doc;
        var brief = story.Current.Brief;
        Metadata = brief.Documents.FirstOrDefault(d => d.Id == Id);
        Claims = [.. brief.Claims.Where(c => c.Doc == Id)];
        var marks = new List<(int Start, int End, string Mark, string Title)>();
        if (Start is { } s && End is { } e && s >= 0 && e > s && e <= doc.Text.Length)
        {
            marks.Add((s, e, "cited", "cited span"));
        }

        marks.AddRange(Claims.Select(c => (c.Start, c.End, "claim", $"claim {c.Id}: {c.Attribution.Holder}, {c.Polarity}")));
        foreach (var entity in brief.Entities)
        {
            marks.AddRange(entity.Mentions.Where(m => m.Doc == Id).Select(m => (m.Start, m.End, "entity", $"{entity.Name} ({entity.Type})")));
        }

        marks.AddRange((Metadata?.Boilerplate ?? []).Where(b => b.Length == 2).Select(b => (b[0], b[1], "boilerplate", "boilerplate")));
        Segments = Split(doc.Text, marks);
        return Page();
    }

    /// <summary>The text as HTML: every character encoded, marks as elements (the cited one with id <c>cited</c>).</summary>
    public IHtmlContent TextHtml()
    {
        var sb = new StringBuilder();
        foreach (var s in Segments)
        {
            var text = encoder.Encode(s.Text);
            var title = encoder.Encode(s.Title ?? string.Empty);
            sb.Append(s.Mark switch
            {
                null => text,
                "cited" => $"<mark class=\"cited\" id=\"cited\" title=\"{title}\">{text}</mark>",
                "claim" => $"<mark title=\"{title}\">{text}</mark>",
                "entity" => $"<mark class=\"entity\" title=\"{title}\">{text}</mark>",
                _ => $"<span class=\"muted\" title=\"{title}\">{text}</span>",
            });
        }

        return new HtmlString(sb.ToString());
    }

    /// <summary>Cuts the text at non-overlapping marks: the cited span wins, then claims, actors, boilerplate, each over what follows it.</summary>
    public static IReadOnlyList<Segment> Split(string text, IReadOnlyList<(int Start, int End, string Mark, string Title)> marks)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(marks);
        var rank = new Dictionary<string, int>(StringComparer.Ordinal) { ["cited"] = 0, ["claim"] = 1, ["entity"] = 2, ["boilerplate"] = 3 };
        var chosen = new List<(int Start, int End, string Mark, string Title)>();
        if (text.Length <= MaxMarkedChars)
        {
            var taken = new bool[text.Length];
            foreach (var m in marks.Where(m => m.Start >= 0 && m.End <= text.Length && m.Start < m.End).OrderBy(m => rank.GetValueOrDefault(m.Mark, 9)).ThenBy(m => m.Start))
            {
                if (Array.IndexOf(taken, true, m.Start, m.End - m.Start) < 0)
                {
                    Array.Fill(taken, true, m.Start, m.End - m.Start);
                    chosen.Add(m);
                }
            }
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        var segments = new List<Segment>();
        var at = 0;
        foreach (var m in chosen)
        {
            if (m.Start > at)
            {
                segments.Add(new Segment(text[at..m.Start], null, null));
            }

            segments.Add(new Segment(text[m.Start..m.End], m.Mark, m.Title));
            at = m.End;
        }

        if (at < text.Length)
        {
            segments.Add(new Segment(text[at..], null, null));
        }

        return segments;
    }
}
