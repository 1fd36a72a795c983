using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Brief.Model;
using Sitrep.Corroboration.State;

namespace Sitrep.Brief.Building;

/// <summary>
/// Look-ups and small judgments over a built brief that the front part needs: a document's grade, whether a claim's
/// text is page furniture, the claim that best shows a proposition, who supports it and how well.
/// </summary>
internal sealed partial class BriefFacts
{
    private const int QuoteWords = 24;

    // Memos: a claim is looked at once per proposition it belongs to and again by several sections, and copies of a
    // report repeat the same texts; the views are built in parallel, hence concurrent dictionaries.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<BriefClaim, bool> _furniture = new(ReferenceEqualityComparer.Instance);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _normalTitles = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<BriefClaim, Excerpt> _excerpts = new(ReferenceEqualityComparer.Instance);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ExcerptShape> _shapes = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _furnitureTexts = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> _claimWords = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, BriefStoryState?> _superseded = new(StringComparer.Ordinal);

    // Each document's person and organisation mentions (start, end, share of documents), sorted by start: a claim's
    // centrality looks only at its own document's mentions instead of every mention of the corpus.
    private readonly Dictionary<string, (int Start, int End, double Share)[]> _centralMentions;

    // The claims that are a step of a story state, the same set for every proposition.
    private readonly HashSet<string> _stepClaims;

    // The claims that open each document's report (its headline and lede): what the story is about.
    private readonly Lazy<HashSet<string>> _leads;
    private readonly Lazy<Dictionary<string, string>> _entityNames;

    public BriefFacts(BriefReport report)
    {
        Report = report;
        _entityNames = new(() => report.Entities.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal));
        Claims = report.Claims.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        ClaimsByDocument = report.Claims.ToLookup(c => c.Doc, StringComparer.Ordinal);
        Documents = report.Documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Ungraded = report.Documents.All(d => string.IsNullOrEmpty(d.Source.Reliability));
        Centrality = EntityCentrality(report);
        _centralMentions = CentralMentions(report, Centrality);
        _leads = new(() => Leads(report));
        _stepClaims = report.States.SelectMany(st => st.Steps).Select(st => st.Claim).ToHashSet(StringComparer.Ordinal);
        Views = [.. report.Propositions.AsParallel().AsOrdered().Select(View)];
        ById = Views.ToDictionary(v => v.Proposition.Id, StringComparer.Ordinal);
    }

    public BriefReport Report { get; }

    public Dictionary<string, BriefClaim> Claims { get; }

    /// <summary>
    /// True when a claim of <paramref name="view"/> gives a value of a quantity the sources dispute: the same role and the
    /// same counted thing as a value of a disputed figure, whichever of that quantity's figures the claim fell in (one
    /// quantity can be split into several figures by the events the finder tells apart).
    /// </summary>
    public bool GivesDisputedFigure(PropositionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        _disputedQuantities ??= Report.Figures.Where(f => f.Verdict == "dispute")
            .SelectMany(f => f.Values).Select(v => QuantityKey(v.Measure)).ToHashSet(StringComparer.Ordinal);
        return _disputedQuantities.Count > 0 && view.Proposition.Claims.Any(id =>
            Claims.GetValueOrDefault(id)?.Frame?.Measures is { } measures && measures.Any(m => _disputedQuantities.Contains(QuantityKey(m))));
    }

    private HashSet<string>? _disputedQuantities;

    private static string QuantityKey(BriefMeasure m) => m.Role + "\u001f" + (m.Counted ?? string.Empty).ToLowerInvariant();

    /// <summary>Each document's claims, in the report's order.</summary>
    public ILookup<string, BriefClaim> ClaimsByDocument { get; }

    public Dictionary<string, BriefDocument> Documents { get; }

    public List<PropositionView> Views { get; }

    public Dictionary<string, PropositionView> ById { get; }

    /// <summary>The ids of the claims that open each document's report (its headline and lede).</summary>
    public HashSet<string> LeadIds => _leads.Value;

    /// <summary>
    /// How central each person or organisation is to the story: the share of the corpus's documents that mention it
    /// (0–1). Participants central to the story make a statement about them matter more.
    /// </summary>
    public Dictionary<string, double> Centrality { get; }

    /// <summary>A document's Admiralty reliability letter; F ("cannot be judged") when unknown.</summary>
    public string Grade(string documentId) =>
        Documents.GetValueOrDefault(documentId)?.Source.Reliability is { Length: > 0 } g ? g[..1].ToUpperInvariant() : "F";

    /// <summary>
    /// True when no document of the corpus has a grade (no manifest): reports that are not comment threads then stand
    /// in for graded outlets, and the brief says "reports", not "graded outlets".
    /// </summary>
    public bool Ungraded { get; }

    /// <summary>What the brief calls a source that may confirm a claim.</summary>
    public string OutletWord => Ungraded ? "ungraded report" : "graded outlet";

    /// <summary>A graded outlet's report (A–C) and not a comment thread: what may confirm a claim.</summary>
    public bool IsCredible(string documentId) =>
        Documents.GetValueOrDefault(documentId)?.Kind != "thread" && (Grade(documentId) is "A" or "B" or "C" || Ungraded);

    /// <summary>
    /// True for a matter whose readings are statuses that move over time (a case open, then dropped, then closed) and
    /// none of which is dated: the corpus gives no order, so one reading may have overtaken the other. Two such readings
    /// are no dispute an analyst can weigh (either may be an update); the matter is open, its readings shown side by side.
    /// A fact (whether a party knew in advance) cannot be overtaken, so its opposite readings stay a dispute.
    /// </summary>
    public bool IsUnorderedStatus(BriefStoryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Steps.Count == 0 && state.Disputing.Count > 1 && state.Disputing.All(d => d.ReportTime is null)
            && state.Disputing.Any(d => Claims.GetValueOrDefault(d.Claim) is { } c && StoryStatus.Read(c.Text).Any(r => r.Topic == state.Topic));
    }

    /// <summary>True for a comment thread (a forum or comment section), whose posters are commenters, not outlets.</summary>
    public bool IsThread(string documentId) => Documents.GetValueOrDefault(documentId)?.Kind == "thread";

    /// <summary>The outlet (or path) of a document, the name a reader knows it by.</summary>
    public string Outlet(string documentId) =>
        Documents.GetValueOrDefault(documentId) is { } d ? d.Source.Outlet ?? (d.Headline is { Length: > 0 } h ? $"{KindNoun(d.Kind)} “{h}”" : $"{KindNoun(d.Kind)} {Path.GetFileName(d.Path)}") : documentId;

    /// <summary>What a reader calls a document of a kind when it has no outlet name ("forum thread", "article").</summary>
    public static string KindNoun(string kind) => kind switch
    {
        "thread" => "forum thread",
        "liveblog" => "live blog",
        "feed-item" => "feed post",
        "brief" => "analysis",
        "article" => "article",
        _ => "document",
    };

    /// <summary>Who holds a claim, as a reader would name them ("Meridian Wire", "Peskov (via Northgate Daily)", "a commenter on lemmy…").</summary>
    /// <remarks>
    /// In a comment thread the commenter is the source: a commenter who says that a named person said something is
    /// "a commenter on … (citing Putin)", never Putin's own claim.
    /// </remarks>
    public string Holder(BriefClaim claim)
    {
        var outlet = Outlet(claim.Doc);
        var doc = Documents.GetValueOrDefault(claim.Doc);
        var named = NamedHolder(claim);
        if (doc?.Kind == "thread")
        {
            var author = claim.Post is { } post ? doc.Posts.FirstOrDefault(p => p.Id == post)?.Author : null;

            // The thread's opening post is the poster's, not a comment on it.
            var opening = claim.Post is not null && doc.Posts.Count > 0 && doc.Posts[0].Id == claim.Post;
            var who = opening ? (author is null ? $"the opening post of {outlet}" : $"{author}, in the opening post of {outlet},")
                : author is null ? $"a commenter on {outlet}" : $"{author}, a commenter on {outlet},";
            return named is null ? who.TrimEnd(',') : $"{who.TrimEnd(',')} (citing {named})";
        }

        return named is null ? outlet : $"{named} (via {outlet})";
    }

    /// <summary>Who gives a figure's value, named as <see cref="Holder"/> names the claim's holder.</summary>
    public string ValueSource(BriefFigureValue value) => Claims.GetValueOrDefault(value.Claim) is { } claim ? Holder(claim) : value.Source;

    /// <summary>
    /// The name a named holder goes by: the text as written when it reads as a name, else (an attribution that took in
    /// part of the sentence: "far fewer than the 25,000 Prigozhin") or a pronoun ("he says") the name of the entity it
    /// resolved to; null when no name can be told.
    /// </summary>
    private string? NamedHolder(BriefClaim claim)
    {
        var a = claim.Attribution;
        if (a.Kind != "named" || a.Text is not { Length: > 0 } text)
        {
            return null;
        }

        if (IsPronoun(text))
        {
            // "He says": the person the pipeline resolved the pronoun to, when it did.
            return _entityNames.Value.GetValueOrDefault(a.Holder);
        }

        return ReadsAsName(text) ? text : _entityNames.Value.GetValueOrDefault(a.Holder);
    }

    /// <summary>
    /// A holder as written reads as a name (or a title and a name: "Kremlin spokesman Dmitry Peskov") when it has no
    /// digit, at most eight words, and does not open with a lower-case word other than an article ("the Kremlin").
    /// </summary>
    internal static bool ReadsAsName(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 8 || text.Any(char.IsDigit))
        {
            return false;
        }

        var first = words[0];
        return !char.IsLower(first[0]) || first is "the" or "a" or "an";
    }

    /// <summary>Who gives a story-state step, named as <see cref="Holder"/> names the claim's holder.</summary>
    /// <remarks>
    /// A step read from an institution as its holder's office keeps the note that says so, as a parenthesis ("… (on the
    /// Kremlin, taken as Vladimir Putin's office)"), so that the reader sees why the institution's words count as the person's.
    /// </remarks>
    public string StepSource(BriefStatusStep step)
    {
        if (Claims.GetValueOrDefault(step.Claim) is not { } claim)
        {
            return step.Source;
        }

        // The note is written for the pipeline (", of the Kremlin as Vladimir Putin's office"); the reader gets it as a
        // parenthesis after the holder: "… (on the Kremlin, taken as Vladimir Putin's office)".
        var office = step.Source.LastIndexOf(", of ", StringComparison.Ordinal);
        if (office < 0 || !step.Source.EndsWith("'s office", StringComparison.Ordinal))
        {
            return Holder(claim);
        }

        var note = step.Source[(office + ", of ".Length)..];
        var at = note.LastIndexOf(" as ", StringComparison.Ordinal);
        return at <= 0 ? Holder(claim) : $"{Holder(claim)} (on {note[..at]}, taken as {note[(at + 4)..]})";
    }

    /// <summary>A holder with the source's grade ("Meridian Wire (B)").</summary>
    public string GradedHolder(BriefClaim claim) => Ungraded ? $"{Holder(claim)} (ungraded)" : $"{Holder(claim)} ({Grade(claim.Doc)})";

    /// <summary>
    /// True for text that is not a statement a reader needs: a headline, byline, dateline, correction notice, link,
    /// or a fragment of under five words.
    /// </summary>
    public bool IsFurniture(BriefClaim claim) => _furniture.GetOrAdd(claim, FurnitureTest);

    private bool FurnitureTest(BriefClaim claim)
    {
        if (_furnitureTexts.GetOrAdd(claim.Text, FurnitureText))
        {
            return true;
        }

        var text = claim.Text.Trim();
        var title = Documents.GetValueOrDefault(claim.Doc)?.Title;
        return title is not null && _normalTitles.GetOrAdd(title, Normal).Contains(Normal(text), StringComparison.Ordinal);
    }

    /// <summary>The tests of <see cref="IsFurniture"/> that read the text alone (copies of a sentence share them).</summary>
    private bool FurnitureText(string claimText)
    {
        var text = claimText.Trim();
        if (WordCount(text) < 5 || text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A dateline opens the lede, often the report's most telling sentence: only a dateline with little after it is furniture.
        return Byline().IsMatch(text) || (Dateline().IsMatch(text) && WordCount(_shapes.GetOrAdd(claimText, Excerpt.Shape).Text) < 8) || Notice().IsMatch(text);
    }

    /// <summary>The claim's main clause (<see cref="Excerpt.Of(BriefClaim)"/>), computed once per claim.</summary>
    public Excerpt ExcerptOf(BriefClaim claim) => _excerpts.GetOrAdd(claim, c => Excerpt.Of(c, _shapes.GetOrAdd(c.Text, Excerpt.Shape)));

    /// <summary>The claim's text for the reader: Markdown emphasis and list marks dropped, cut at <see cref="QuoteWords"/> words.</summary>
    /// <summary>
    /// The whole judgment clause of a source's sentence, quoted: from its start to the end of the clause that holds the
    /// estimative <paramref name="term"/> (the next ";", ":", dash or sentence end after it), so the reader sees what
    /// the source judges ("we can be 100% certain this is not any kind of popular uprising"), never a cut in the middle
    /// of it. A clause longer than <paramref name="maxWords"/> words is cut there.
    /// </summary>
    public static string JudgmentClause(string text, string? term, int maxWords = 40)
    {
        var clean = Markup().Replace(text, string.Empty);
        clean = ListMark().Replace(clean, string.Empty).Trim();
        var at = term is { Length: > 0 } ? clean.IndexOf(term, StringComparison.OrdinalIgnoreCase) : -1;
        var from = at < 0 ? 0 : at + term!.Length;
        var end = clean.Length;
        foreach (var stop in new[] { "; ", ": ", " — ", " – ", ". " })
        {
            var i = clean.IndexOf(stop, from, StringComparison.Ordinal);

            // The period of a title or an initial ("Mr. Obama", "J. Smith") ends no clause.
            while (stop == ". " && i > 0 && EndsAbbreviation(clean, i))
            {
                i = clean.IndexOf(stop, i + 1, StringComparison.Ordinal);
            }

            if (i > 0 && i < end)
            {
                end = i;
            }
        }

        var clause = clean[..end].TrimEnd(' ', '.', ',', ';', ':');
        return Quote(clause, maxWords);
    }

    /// <summary>
    /// True when the period at <paramref name="period"/> closes an abbreviation that a name follows (a title, "Mr.",
    /// "Gen.", "St.", or an initial, "J.", "U.S.") or follows an article: the sentence splitter's own abbreviations and
    /// articles, which it does not end a sentence at.
    /// </summary>
    internal static bool EndsAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var word = text[start..period].TrimEnd('.');

        // Nor does the period after an article: "had a. 357 Magnum" is a calibre's dot come loose from its figure.
        return Sitrep.Text.SentenceSplitter.IsArticle(word) || (word.Length == 1 && char.IsUpper(word[0])) || (word.Contains('.', StringComparison.Ordinal) && word.Length <= 5) || Sitrep.Text.SentenceSplitter.IsAbbreviation(word);
    }

    public static string Display(string text, int words = QuoteWords)
    {
        var clean = Markup().Replace(text, string.Empty);
        clean = ListMark().Replace(clean, string.Empty).Trim();
        var parts = clean.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= words ? clean : string.Join(' ', parts.Take(words)).TrimEnd(',', ';', ':') + " …";
    }

    /// <summary>The claim's text in quotation marks.</summary>
    public static string Quote(string text, int words = QuoteWords) => "“" + Display(text, words).TrimEnd('.') + "”";

    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Lower-case content words (four letters or more) of a text, for telling near-duplicates apart.</summary>
    public static HashSet<string> ContentWords(string text) =>
        [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 4)];

    /// <summary>True when two texts share most of the content words of the shorter one.</summary>
    public static bool SaysTheSame(HashSet<string> a, HashSet<string> b)
    {
        var smaller = Math.Min(a.Count, b.Count);
        return smaller > 0 && a.Count(b.Contains) >= Math.Max(2, (int)Math.Ceiling(0.5 * smaller));
    }

    /// <summary>The share of the label's content words a claim repeats: the display claim must say what the proposition says.</summary>
    private static double Overlap(HashSet<string> label, HashSet<string> words) =>
        label.Count == 0 ? 0 : (double)label.Count(words.Contains) / label.Count;

    /// <summary>"27 Jun 2023" from an ISO 8601 time; the text itself when it does not parse.</summary>
    public static string Day(string? iso) =>
        iso is null ? "date unknown"
        : DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : iso;

    public static DateTimeOffset? Time(string? iso) =>
        iso is not null && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public static string Plural(int n, string word) => n == 1 ? $"1 {word}" : string.Create(CultureInfo.InvariantCulture, $"{n} {word}s");

    private static bool IsPronoun(string text) => text.ToLowerInvariant() is "he" or "she" or "they" or "it" or "we" or "i" or "you";

    private static string Normal(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private PropositionView View(BriefProposition p)
    {
        var claims = p.Claims.Select(id => Claims.GetValueOrDefault(id)).OfType<BriefClaim>().ToList();
        var label = ContentWords(p.Label);

        // A claim whose shown clause states a status the story has moved past is shown only when no other claim of the
        // proposition says it without that status.
        var display = claims
            .Select(c => (Claim: c, Score: DisplayScore(c) + (2.0 * Overlap(label, _claimWords.GetOrAdd(c.Text, ContentWords))) - (SupersededBy(ExcerptOf(c).Text) is null ? 0 : 3)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Claim.Text.Length)
            .Select(x => x.Claim)
            .FirstOrDefault();
        var supporting = p.Stances.Where(s => s.Stance == "support").Select(s => s.Doc).Distinct(StringComparer.Ordinal).ToList();
        var denying = p.Stances.Where(s => s.Stance == "deny").Select(s => s.Doc).Distinct(StringComparer.Ordinal).ToList();

        // Copies of one report (a syndication group) confirm nothing: count each group once.
        string Key(string doc) => Documents.GetValueOrDefault(doc)?.SyndicationGroup ?? Outlet(doc);
        var credible = supporting.Where(IsCredible).Select(Key).Distinct(StringComparer.Ordinal).Count();
        var grades = supporting.Select(Grade).Order(StringComparer.Ordinal).Distinct().ToList();
        var firstReport = claims.Select(c => Time(c.ReportTime)).Where(t => t is not null).Min();
        var excerpt = display is null ? null : ExcerptOf(display);
        var eventClass = display is null ? null : Consequence.ClassOf(display, excerpt!.Text) ?? Consequence.ClassOf(claims);
        return new PropositionView(
            p,
            display,
            display is null || IsFurniture(display),
            credible,
            denying.Count,
            denying.Count(IsCredible),
            grades,
            firstReport)
        {
            HasEvent = claims.Any(c => c.Frame?.EventClass is not null),
            IsSpeech = claims.Count > 0 && claims.Count(IsSpeech) * 2 >= claims.Count,
            LeadDocuments = claims.Where(c => _leads.Value.Contains(c.Id)).Select(c => c.Doc).Distinct(StringComparer.Ordinal).Count(),
            Excerpt = excerpt,
            EventClass = eventClass,
            Centrality = display is null ? 0 : CentralityOf(display),
            HasFigure = claims.Any(c => c.Frame?.Measures.Count > 0),
            ChangesState = claims.Any(c => _stepClaims.Contains(c.Id)),
            SupersededBy = excerpt is null ? null : SupersededBy(excerpt.Text),
            StateTopic = excerpt is null ? null : StoryStatus.Read(excerpt.Text).Select(r => r.Topic).FirstOrDefault(t => Report.States.Any(st => st.Topic == t && st.Steps.Count >= 2)),
        };
    }

    /// <summary>
    /// A party's own words: a claim the pipeline read as a quotation, or text that opens with a quotation mark or closes
    /// one before a verb of saying ("“I will not bring dishonor …,” Nichols told the court"). What a defendant, a suspect
    /// or a lawyer for one side says is theirs: attributed, never stated as what happened.
    /// </summary>
    /// <remarks>
    /// A quotation that opens mid-sentence after a verb of saying ("After she was shot, she exclaimed, “Mommy …”") is
    /// speech too: its words are the speaker's.
    /// </remarks>
    public static bool IsSpeech(BriefClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var text = claim.Text.TrimStart();
        return claim.Kind == "quote" || text.StartsWith("``", StringComparison.Ordinal) || text.StartsWith('“') || text.StartsWith('"') || text.StartsWith('‘')
            || SpeechClose().IsMatch(text) || SpeechOpen().IsMatch(text);
    }

    /// <summary>
    /// True when a statement opens with a named person's saying ("Jamie Clark, vice president of a wildlife group, said
    /// Thursday that the changes target …", "Harriet Vale … said that …"): its act is the saying, and what it tells is
    /// the speaker's word, never what happened. A report that ends with its source ("…, the Kremlin said") tells the act,
    /// and so does one whose speaker is no person's name ("Police said that …", "The Kremlin said that …").
    /// </summary>
    public static bool OpensWithSaying(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return SayingOpening().IsMatch(Markup().Replace(clause, string.Empty).TrimStart());
    }

    /// <summary>
    /// True when a statement cannot stand first in a bottom line: it leans on something said before it (a time relative
    /// to an event it does not name, "Several hours later, …", "The next day …"; a connective, "Then …", "However, …";
    /// a pronoun or demonstrative whose referent is elsewhere, "This …", "He …", also as the subject of a fronted clause,
    /// "After she was disciplined, she went …"), or it carries the writer's colour
    /// ("miraculously", "astonishingly"). The reader of a bottom line has read nothing before it and wants what happened,
    /// not how a writer felt about it.
    /// </summary>
    public static bool LeansOnContext(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var text = Markup().Replace(clause, string.Empty).TrimStart(' ', '"', '“', '‘', '\'', '`', '(', '-', '—', '…');
        return RelativeOpening().IsMatch(text) || Colour().IsMatch(text);
    }

    /// <summary>
    /// The statement told plainly: without an opening time counted from an event it does not name ("Several hours later, ")
    /// and with the writer's colour word elided ("had … brokered a deal" for "had miraculously brokered a deal"), so a
    /// line of the bottom line states the fact and its source, not the writer's wonder. Null when nothing is dropped.
    /// </summary>
    /// <returns>The characters dropped from the start and the plain text, or null.</returns>
    internal static (int Dropped, string Text)? Plain(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var dropped = 0;
        var text = clause;
        if (CountedTimeOpening().Match(text) is { Success: true } m && BriefFacts.WordCount(text[m.Length..]) >= 4)
        {
            dropped = m.Length;
            text = text[m.Length..];
        }

        var plain = ColourWord().Replace(text, " … ");
        return dropped == 0 && plain == text ? null : (dropped, plain);
    }

    /// <summary>
    /// True when a statement is the writer's framing of what happened rather than the telling of it: its subject is a
    /// word about the story itself ("One crucial development involved negotiations between …", "A key factor was …").
    /// What happened is told by another report's own sentence.
    /// </summary>
    public static bool IsFraming(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return Framing().IsMatch(Markup().Replace(clause, string.Empty).TrimStart(' ', '"', '“', '‘', '\'', '`', '(', '-', '—', '…'));
    }

    /// <summary>
    /// True when a statement gives where a place lies ("Wasilla, her home town, is 64 kilometres north of Anchorage"):
    /// background a reader may need, never what happened.
    /// </summary>
    public static bool IsGeography(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return Geography().IsMatch(clause);
    }

    /// <summary>
    /// True when a statement is a person's own account in the first person ("I honestly thought she was hit", "We believe
    /// he is innocent"): what the speaker saw, thought or believes, theirs even when the quotation marks were lost at a
    /// paragraph break. Two reports carrying one witness's words confirm that the witness said them, not what they say.
    /// </summary>
    public static bool IsFirstPerson(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return FirstPerson().IsMatch(Markup().Replace(clause, string.Empty).TrimStart(' ', '"', '“', '‘', '\'', '`', '(', '…'));
    }

    /// <summary>
    /// True when a statement describes a recording rather than telling an event ("Horton and two others are seen waiting
    /// at the corner", "can be heard shouting"): what a video shows, however many reports describe it, is no key
    /// judgment. "Is seen as" (is regarded as) is not a recording.
    /// </summary>
    public static bool DescribesRecording(string clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return Recording().IsMatch(clause);
    }

    /// <summary>
    /// True when the estimative <paramref name="term"/> of a sentence only strengthens a feeling ("We're certainly
    /// pleased", "definitely relieved"): the speaker says how they feel, not how likely something is, so it is no
    /// analytic judgment however sure the word sounds.
    /// </summary>
    public static bool IsFeeling(string text, string? term)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (term is not { Length: > 0 })
        {
            return false;
        }

        var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && FeelingAfter().IsMatch(text[(at + term.Length)..]);
    }

    /// <summary>
    /// True when a statement is not something that happened but one that may: a condition ("faces 15 years to life if
    /// convicted"), a hedge or a forecast ("will likely die in prison", "could face"). Such a statement is a source's
    /// expectation: it is never what happened, never confirmed and never Sitrep's judgment.
    /// </summary>
    public static bool IsUnsettled(BriefClaim claim, string? clause = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.Modality is not null || Unsettled().IsMatch(clause ?? claim.Text);
    }

    /// <summary>
    /// True when a clause has lost its subject (a verb or a connective opens it: "also admitted that he lied …",
    /// "although Kathina wasn't the target"): it cannot stand as a statement of its own. A lower-case opening that is a
    /// subject ("the FSB opened a case", "police said") is a whole clause; with a parse, a clause whose predicate has no
    /// participant before it inside the clause has lost its subject, and so has a capitalised one that its predicate opens.
    /// </summary>
    public static bool IsFragment(BriefClaim claim, Excerpt excerpt)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(excerpt);
        var text = excerpt.Text.TrimStart(' ', '"', '“', '‘', '\'', '`', '(', '-', '—', '…');
        if (text.Length == 0 || !char.IsLetter(text[0]))
        {
            return false;
        }

        var first = Word().Match(text).Value;
        var lower = char.IsLower(text[0]);
        if (lower && Connectives.Contains(first))
        {
            return true;
        }

        // A dispatch that drops its subject opens with the verb: "Insists this is not a coup", "Says the columns turned"
        // (the claim's own first word: its main clause may have been cut after the verb).
        var opening = Word().Match(claim.Text).Value;
        if (ElidedSubjectVerbs.Contains(first.ToLowerInvariant()) || ElidedSubjectVerbs.Contains(opening.ToLowerInvariant()))
        {
            return true;
        }

        // A name followed by a bare participle and its object ("Public defender Peter Lynch admitting that Timmons had a
        // gun") is a caption, not a statement: no finite verb before the participle's complement opens.
        if (Participle().Match(text) is { Success: true } p && !NotParticiples.Contains(p.Groups["ing"].Value)
            && !Finite().IsMatch(p.Groups["np"].Value)
            && (p.Groups["next"].Value == "that" || !Finite().IsMatch(text[(p.Index + p.Length)..].Split([" that ", ","], 2, StringSplitOptions.None)[0])))
        {
            return true;
        }

        // With a parse: no participant of the predicate stands before it in the clause. A capitalised clause is cut only
        // when its predicate opens it ("Insists this is not a coup"): a name or a title may open a whole sentence.
        var start = excerpt.Span.Start;
        var subjectless = claim.Frame is { PredicateSpan: { } predicate } frame && predicate.Start >= start && predicate.Start < excerpt.Span.End
            && !frame.Participants.Any(p => p.Span.Start >= start && p.Span.Start < predicate.Start);
        return subjectless && (lower || string.Equals(claim.Frame!.Predicate, first, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Words in -ing that name a thing or a time, not a participle: "Saturday morning the court …".</summary>
    private static readonly HashSet<string> NotParticiples = new(StringComparer.Ordinal)
    {
        "morning", "evening", "building", "meeting", "hearing", "sentencing", "shooting", "killing", "bombing", "briefing",
        "ruling", "wedding", "training", "warning", "opening", "ending", "funding", "spending", "uprising", "during",
        "including", "according", "following", "regarding", "concerning", "something", "nothing", "anything", "everything",
    };

    private static readonly HashSet<string> ElidedSubjectVerbs = new(StringComparer.Ordinal)
    {
        "says", "insists", "claims", "adds", "denies", "warns", "calls", "announces", "accuses", "repeats", "demands", "confirms",
        "admits", "admitted", "urges", "vows", "promises", "threatens", "stresses", "notes", "argues", "explains", "reiterates",
    };

    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal)
    {
        "also", "and", "but", "or", "although", "though", "while", "whereas", "because", "since", "when", "whether", "which",
        "who", "whom", "whose", "where", "then", "as", "after", "before", "until", "unless", "if", "including", "said", "says",
        "adding", "saying", "added", "told", "according", "than", "so", "yet", "nor",
    };

    /// <summary>How many statements at the top of a document make its lead (a headline and a lede of one or two sentences).</summary>
    private const int LeadClaims = 3;

    /// <summary>
    /// The first <see cref="LeadClaims"/> statements of each document (a headline included, a link or a fragment of
    /// under five words not): news copy tells its central act first, details after.
    /// </summary>
    private static HashSet<string> Leads(BriefReport report) =>
        [.. report.Claims
            .Where(c => WordCount(c.Text) >= 5 && !c.Text.Contains("http", StringComparison.OrdinalIgnoreCase) && !c.Text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            .GroupBy(c => c.Doc, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(c => c.Start).Take(LeadClaims))
            .Select(c => c.Id)];

    /// <summary>
    /// The story state a text's status has been overtaken by: the text says the case "will be dropped" while the
    /// story state, from later reports, has it closed. Null when the text states no status or the status is current.
    /// </summary>
    public BriefStoryState? SupersededBy(string text) => _superseded.GetOrAdd(text, SupersededByTest);

    private BriefStoryState? SupersededByTest(string text)
    {
        foreach (var (topic, status) in StoryStatus.Read(text))
        {
            if (Report.States.FirstOrDefault(st => st.Topic == topic && st.Steps.Count >= 2) is { } state && !string.Equals(state.Now, status, StringComparison.Ordinal))
            {
                return state;
            }
        }

        return null;
    }

    /// <summary>The most central person or organisation a claim names (its mentions inside the claim's span).</summary>
    private double CentralityOf(BriefClaim claim)
    {
        var best = 0.0;
        if (!_centralMentions.TryGetValue(claim.Doc, out var mentions))
        {
            return best;
        }

        // Mentions are sorted by start: skip those before the claim, stop at the first that starts after it.
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (mentions[mid].Start < claim.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < mentions.Length && mentions[i].Start <= claim.End; i++)
        {
            if (mentions[i].End <= claim.End && mentions[i].Share > best)
            {
                best = mentions[i].Share;
            }
        }

        return best;
    }

    private static Dictionary<string, (int Start, int End, double Share)[]> CentralMentions(BriefReport report, Dictionary<string, double> centrality)
    {
        var byDocument = new Dictionary<string, List<(int Start, int End, double Share)>>(StringComparer.Ordinal);
        foreach (var entity in report.Entities)
        {
            if (!centrality.TryGetValue(entity.Id, out var share) || share <= 0)
            {
                continue;
            }

            foreach (var m in entity.Mentions)
            {
                if (!byDocument.TryGetValue(m.Doc, out var list))
                {
                    byDocument[m.Doc] = list = [];
                }

                list.Add((m.Start, m.End, share));
            }
        }

        return byDocument.ToDictionary(p => p.Key, p => p.Value.OrderBy(m => m.Start).ToArray(), StringComparer.Ordinal);
    }

    private static Dictionary<string, double> EntityCentrality(BriefReport report)
    {
        var documents = Math.Max(1, report.Documents.Count);
        return report.Entities
            .Where(e => e.Type is "PERSON" or "ORG")
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Mentions.Select(m => m.Doc).Distinct(StringComparer.Ordinal).Count() / (double)documents, StringComparer.Ordinal);
    }

    private double DisplayScore(BriefClaim c)
    {
        var score = IsCredible(c.Doc) ? 2.0 : 0.0;
        score += c.Kind switch
        {
            "event" or "judgment" => 1.0,
            "quote" => 0.3,
            _ => -2.0,
        };
        var excerpt = ExcerptOf(c).Text;
        score += excerpt.Length is >= 40 and <= 240 ? 1.0 : 0.0;

        // A fragment (a clause cut from its sentence: "whether the case …", "the FSB opened …") reads worse than a sentence.
        score -= excerpt.Length > 0 && char.IsLower(excerpt[0]) ? 1.0 : 0.0;
        score += c.Attribution.Kind == "author" ? 0.3 : 0.0;
        score -= IsFurniture(c) ? 5.0 : 0.0;
        score -= c.Text.Contains("**", StringComparison.Ordinal) ? 0.5 : 0.0;

        // "One crucial development involved negotiations between …" frames what happened instead of telling it: another
        // source's telling of the same event ("Lukashenko … had brokered a deal") is shown first.
        score -= Framing().IsMatch(excerpt) ? 3.0 : 0.0;
        return score;
    }

    [GeneratedRegex(@"^(by|from)\s+\p{Lu}[\p{L}.'\-]+(\s+\p{Lu}[\p{L}.'\-]+){0,3}(\s*(,|and|&)\s*\p{Lu}[\p{L}.'\-]+(\s+\p{Lu}[\p{L}.'\-]+){0,3})*\s*[.|]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}\-' ]{3,},\s")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^(correction|update|editor's note|clarification)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Notice();

    [GeneratedRegex(@"^(I|We)\b(?!\.)")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\b((is|are|was|were) (seen|shown|heard)|can be (seen|heard))\b(?!\s+as\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Recording();

    [GeneratedRegex(@"\*\*|__|(?<!\w)\*(?=\w)|(?<=\w)\*(?!\w)")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^\s*([-*+>]|#{1,6}|\d+[.)])\s+")]
    private static partial Regex ListMark();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    // A quotation closed before its speaker: "…,” the convicted killer said", "…, '' Nichols, 37, told the court".
    [GeneratedRegex(@"(''|”|"")\s*,?\s*[^.!?]{0,50}?\b(said|says|told|added|asked|declared|insisted|exclaimed|shouted|screamed|cried|yelled|recalled|testified|wrote)\b")]
    private static partial Regex SpeechClose();

    // A quotation opened after its speaker's verb of saying: "she exclaimed, `` Mommy …", "he said: “We …".
    [GeneratedRegex(@"\b(said|says|told\s+\w+|added|asked|declared|insisted|exclaimed|shouted|screamed|cried|yelled|recalled|testified|wrote)\s*[,:]?\s*(``|“|""|‘|'(?=\s*\p{Lu}))")]
    private static partial Regex SpeechOpen();

    [GeneratedRegex(@"^(?!(?:The|A|An|This|That|These|Those)\s)(?:\p{Lu}[\p{L}'.\-]*\s+){1,4}\p{Lu}[\p{L}'.\-]*(?:\s*…|\s*,[^,]{1,80},)?\s+(?:said|says|told\s+\w+|stated|argued|claimed|warned|insisted|contended)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently))?\s+that\b")]
    private static partial Regex SayingOpening();

    // What may happen rather than what did: a condition, a hedge or a forecast ("if convicted", "will likely", "could face",
    // "faces up to 20 years"). Lower-case "may" only: "May 29" is a date.
    [GeneratedRegex(@"(?i:\b(if|unless|would|could|might|likely|unlikely|probably|possibly|perhaps|expected\s+to)\b)|\bmay\b|(?i:\bfaces?\s+(a\s+|up\s+to\s+)?(maximum|minimum|possible|up\s+to)\b)")]
    private static partial Regex Unsettled();

    // An opening that points back: a time counted from an unnamed event ("Several hours later", "Two days after",
    // "The next morning", "By then"), a connective, a pronoun or demonstrative that stands for something said before, or
    // a noun that only names what was told before ("The incident", "The move").
    [GeneratedRegex(@"^(?:(?:(?:several|a\s+few|some|many|two|three|four|five|\d+|a\s+couple\s+of)\s+)?(?:seconds|minutes|moments|hours|days|weeks|months|years)\s+(?:later|after(?:wards?)?|on)\b|(?:the\s+)?(?:next|following|same|previous)\s+(?:day|morning|afternoon|evening|night|week|month|year)\b|(?:by|until|since|before|after)\s+(?:then|that|this)\b|(?:after|before|when|once|as|while|until|since|because|although|though)\s+(?:he|she|they|it|we|his|her|their|its)\b|(?:then|however|but|and|so|yet|still|meanwhile|later|afterwards?|subsequently|nevertheless|nonetheless|moreover|furthermore|also|instead|thus|hence|therefore|consequently|eventually|finally|soon|besides|otherwise|likewise|similarly|this|that|these|those|it|he|she|they|his|her|their|its|him|them)\b|the\s+(?:incident|episode|affair|situation|development|move|events?|matter)\b|(?:in\s+(?:response|turn|return|the\s+end)|as\s+a\s+result|on\s+the\s+other\s+hand|even\s+so|at\s+that\s+(?:point|time|moment))\b)", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeOpening();

    // A time counted from an event the clause does not name, set off by a comma: "Several hours later, ", "The next day, ".
    [GeneratedRegex(@"^(?:(?:(?:several|a\s+few|some|many|two|three|four|five|\d+|a\s+couple\s+of)\s+)?(?:seconds|minutes|moments|hours|days|weeks|months)\s+(?:later|afterwards?)|(?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night|week))\s*,\s+", RegexOptions.IgnoreCase)]
    private static partial Regex CountedTimeOpening();

    // A colour adverb with the commas or spaces around it, elided as " … ".
    [GeneratedRegex(@"\s*,?\s+(?:miraculously|astonishingly|amazingly|incredibly|unbelievably|shockingly|stunningly|remarkably|surprisingly|unsurprisingly|predictably|conveniently|curiously|bizarrely|absurdly|ridiculously|laughably|mercifully|thankfully|luckily|ironically|brazenly|shamelessly|cynically|farcically|pathetically|heroically|disgracefully|outrageously)\b,?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ColourWord();

    // "is 64 kilometres north of", "lies about 40 miles from", "is located some 10 km south-west of".
    [GeneratedRegex(@"\b(?:is|are|lies|lie|sits|sit|was)\s+(?:located\s+|situated\s+)?(?:about\s+|some\s+|roughly\s+|around\s+|approximately\s+|just\s+)?[\d,.]+\s*(?:-\s*)?(?:kilometres|kilometers|km|miles|mi)\s+(?:\(\s*[^)]{1,20}\)\s+)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|outside|away)\b|from\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Geography();

    // Right after an estimative word, up to two softeners or verbs of being, then an adjective of feeling.
    [GeneratedRegex(@"^\s+(?:(?:so|very|really|quite|not|be|been|feel|felt|feels|are|am|is|was|were)\s+){0,2}(?:pleased|happy|glad|delighted|thrilled|excited|proud|grateful|thankful|relieved|sad|saddened|disappointed|upset|angry|worried|concerned|shocked|surprised|hopeful|optimistic|encouraged|satisfied|heartbroken|devastated|honou?red|humbled|frustrated|troubled|moved|touched)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FeelingAfter();

    // The writer's colour: adverbs that tell the writer's wonder, scorn or relief rather than what happened.
    [GeneratedRegex(@"\b(?:miraculously|astonishingly|amazingly|incredibly|unbelievably|shockingly|stunningly|remarkably|surprisingly|unsurprisingly|predictably|conveniently|curiously|bizarrely|absurdly|ridiculously|laughably|tragically|mercifully|thankfully|luckily|ironically|brazenly|shamelessly|cynically|farcically|pathetically|heroically|disgracefully|outrageously)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Colour();

    // A discourse noun as the subject of "involved", "was", "concerned": "One crucial development involved …", "The key
    // question is …".
    [GeneratedRegex(@"^(?:One|Another|The|A|An)\s+(?:\p{L}+\s+){0,2}?(?:development|factor|aspect|question|issue|point|takeaway|lesson|element|thing|outcome)s?\s+(?:involved|involves|was|were|is|are|concerned|concerns|came)\b")]
    private static partial Regex Framing();

    // Up to four words ending in a capitalised one (a name), then a word in -ing and the start of its object.
    [GeneratedRegex(@"^(?<np>(?:\S+\s+){0,4}?\p{Lu}[\p{L}'.\-]+)\s+(?<ing>\p{Ll}{3,}ing)\s+(?<next>that|the|a|an|his|her|their|its|to|he|she|they|him|them)\b")]
    private static partial Regex Participle();

    [GeneratedRegex(@"\b(is|are|was|were|has|have|had|said|says|told|will|would|did|does|do)\b")]
    private static partial Regex Finite();
}

/// <summary>A proposition as the front part sees it.</summary>
/// <param name="Proposition">The proposition.</param>
/// <param name="Display">The claim that shows it best (a graded outlet's statement before a comment or a headline).</param>
/// <param name="IsFurniture">True when even the best claim is a headline, byline or fragment.</param>
/// <param name="CredibleSources">Independent graded (A–C) outlets that support it, syndicated copies counted once.</param>
/// <param name="Denials">Documents that deny it.</param>
/// <param name="CredibleDenials">Graded outlets that deny it.</param>
/// <param name="Grades">The grades of the supporting documents, best first.</param>
/// <param name="FirstReported">When it was first reported.</param>
internal sealed record PropositionView(
    BriefProposition Proposition,
    BriefClaim? Display,
    bool IsFurniture,
    int CredibleSources,
    int Denials,
    int CredibleDenials,
    IReadOnlyList<string> Grades,
    DateTimeOffset? FirstReported)
{
    public string BestGrade => Grades.Count == 0 ? "F" : Grades[0];

    /// <summary>The display claim's main clause, as quoted, with its exact span.</summary>
    public Excerpt? Excerpt { get; init; }

    /// <summary>The event class most of its claims name (frame or trigger word), or null.</summary>
    public string? EventClass { get; init; }

    /// <summary>Share of documents that mention the most central actor the display claim names (0–1).</summary>
    public double Centrality { get; init; }

    /// <summary>True when a claim of it gives a figure (killed, force size, distance…).</summary>
    public bool HasFigure { get; init; }

    /// <summary>True when a claim of it is a step of a story state (a change of status).</summary>
    public bool ChangesState { get; init; }

    /// <summary>The topic of a story state (with steps) whose status its quoted clause states, or null: the state's own sentence tells it.</summary>
    public string? StateTopic { get; init; }

    /// <summary>The story state whose later status overtakes what its quoted clause states, or null.</summary>
    public BriefStoryState? SupersededBy { get; init; }

    /// <summary>True when a claim of it names an event class (seize, attack, kill, negotiate…): something happened.</summary>
    public bool HasEvent { get; init; }

    /// <summary>True when most of its claims are a party's own words (quotations): they are attributed and never lead.</summary>
    public bool IsSpeech { get; init; }

    /// <summary>How many documents tell it in their lead (headline and first sentences): the story's central act leads there.</summary>
    public int LeadDocuments { get; init; }

    /// <summary>The span to cite: the quoted clause's, else the display claim's, else the proposition's.</summary>
    public BriefSpan Cite => Excerpt?.Span ?? (Display is { } c ? new BriefSpan(c.Doc, c.Start, c.End) : Proposition.Cite ?? new BriefSpan(string.Empty, 0, 0));

    /// <summary>Only comment threads or E/F sources carry it: a rumour until a graded outlet confirms it.</summary>
    public bool IsRumour => CredibleSources == 0;

    /// <summary>
    /// How much it matters to the story, not only how many say it: corroboration (independent sources, graded outlets,
    /// credibility, denials), plus the consequence of the event it reports (a seizure, a deal, deaths, a case closed
    /// count; a remark does not), the centrality of the actors it names, a figure, and a change of a story's status.
    /// </summary>
    public double Importance =>
        Proposition.IndependentSources + (0.75 * CredibleSources) - (0.25 * Proposition.Credibility) - Denials
        + Consequence.Weight(EventClass) + (1.5 * Centrality) + (HasFigure ? 0.5 : 0) + (ChangesState ? 1.0 : 0)
        + (Display?.Kind == "quote" ? -0.5 : 0);
}

/// <summary>Small text helpers of the front part.</summary>
internal static class FrontPartText
{
    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
