using Sitrep.Brief.Model;

namespace Sitrep.Tests.Brief;

/// <summary>Hand-built brief parts shared by the front-part tests: one shape for a document, a claim, a proposition and a report.</summary>
internal static class BriefFixtures
{
    /// <summary>The outlets most front-part tests draw from: three graded ones and a forum.</summary>
    public static BriefDocument[] FourOutlets =>
        [Doc("a", "Alpha Wire", "B"), Doc("b", "Beta Courier", "C"), Doc("c", "Gamma Agency", "B"), Doc("f", "forum.example c/news", "F", "thread")];

    public static BriefDocument Doc(string id, string outlet, string grade, string kind = "article", string published = "2023-06-24T10:00:00+00:00", string? title = null, string? author = null) => new()
    {
        Id = id,
        Path = id + ".txt",
        Title = title,
        Kind = kind,
        Source = new BriefSource(outlet, author, null, published, grade),
        ContentHash = id,
    };

    public static BriefClaim Claim(string id, string doc, string text, string kind = "event", BriefModality? modality = null, int start = 0, string? post = null, BriefFrame? frame = null) => new()
    {
        Id = id,
        Doc = doc,
        Post = post,
        Start = start,
        End = start + text.Length,
        Text = text,
        Attribution = new BriefAttribution("author", null, "author"),
        Polarity = "positive",
        Kind = kind,
        Modality = modality,
        Frame = frame,
        ReportTime = "2023-06-24T10:00+00:00",
    };

    public static BriefProposition Proposition(string id, BriefClaim[] claims, int independent, int credibility, string status = "corroborated", params (string Doc, string Stance)[] stances) =>
        new(id, claims[0].Text, [.. claims.Select(c => c.Id)], [.. (stances.Length > 0 ? stances : claims.Select(c => (Doc: c.Doc, Stance: "support"))).Select(s => new BriefStance(s.Doc, null, s.Stance))], independent, status, credibility)
        {
            Cite = new BriefSpan(claims[0].Doc, claims[0].Start, claims[0].End),
            Support = independent,
        };

    public static BriefReport Report(IEnumerable<BriefDocument> documents, IEnumerable<BriefClaim> claims, IEnumerable<BriefProposition> propositions, IEnumerable<BriefFigure>? figures = null) => new()
    {
        Generator = new BriefGenerator("sitrep", "test", []),
        Corpus = new BriefCorpus(0, 0, 0, 0),
        Documents = [.. documents],
        Claims = [.. claims],
        Propositions = [.. propositions],
        Figures = [.. figures ?? []],
    };
}
