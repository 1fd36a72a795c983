using System.Globalization;
using Sitrep.Claims.Attribution;
using Sitrep.Claims.Frames;
using Sitrep.Claims.Kinds;
using Sitrep.Claims.Modality;
using Sitrep.Claims.Polarity;
using Sitrep.Claims.Quantities;
using Sitrep.Claims.Segmentation;
using Sitrep.Claims.Text;
using Sitrep.Claims.Worthiness;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Syntax;
using Sitrep.Time;

namespace Sitrep.Claims;

/// <summary>
/// Finds the claims of one analysed document: segments each check-worthy sentence into propositions, then gives each
/// its holder, polarity, likelihood, hearsay marker, kind and quantities. Stateless and thread-safe; the per-document
/// state (the last named holder, for pronouns; the speaker of an open quotation) lives in one call.
/// </summary>
public sealed class ClaimAnalyzer
{
    private readonly ClaimOptions _options;

    private readonly CheckWorthinessModel? _worthiness;

    /// <summary>Creates an analyzer.</summary>
    public ClaimAnalyzer(ClaimOptions? options = null)
    {
        _options = options ?? ClaimOptions.Default;
        _worthiness = _options.ExcludeChatter ? _options.WorthinessModel ?? CheckWorthinessModel.Default : null;
    }

    /// <summary>The claims of a document whose sentences are assigned, in text order.</summary>
    public IReadOnlyList<Claim> Analyze(AnalyzedDocument document, CancellationToken cancellationToken = default) =>
        AnalyzeLayer(document, cancellationToken).Items;

    /// <summary>The claims of a document whose sentences are assigned, and the sentences judged not to be claims, in text order.</summary>
    public ClaimLayer AnalyzeLayer(AnalyzedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var state = new DocumentState(document, QuoteRegions.Find(document.Text));
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentence = document.Sentences[s];
            if (sentence.TokenCount == 0 || sentence.TokenCount > _options.MaxSentenceTokens)
            {
                state.Words.Add(null);
                continue;
            }

            var words = SentenceWords.Of(document, sentence);
            state.Words.Add(words);
            AnalyzeSentence(state, s, words);
        }

        AttachAnswers(state);
        if (_options.UseSyntax && document.Layers.Find<SyntaxLayer>() is { } syntax)
        {
            FramesFromParse(state, syntax);
        }

        return new ClaimLayer(state.Claims) { Excluded = state.Excluded, Headline = state.Headline };
    }

    private void AnalyzeSentence(DocumentState state, int index, SentenceWords words)
    {
        var last = words.Count - 1;
        var document = state.Document;
        var post = document.Document.PostAt(words.Range.Start);
        // A reply or a feed message may end without a full stop and still say something; a live update's bare line is a heading.
        var conversational = post is not null && document.Document.Kind is DocumentKind.Thread or DocumentKind.FeedItem;
        if (StructureRules.Judge(words, conversational) is { } reason)
        {
            // "He said:" introduces the quotation that follows.
            if (words[last] == ":" && AttributionFinder.Preposed(words, 0, last, state.Quotes) is { } intro)
            {
                state.PendingSpeaker = MakeHolder(state, words, intro);
            }

            state.Excluded.Add(new NonClaim(words.Range, index, post?.Id, reason));
            if (reason == NonClaimReason.Heading && state.Headline is null && post is null && IsHeadline(state, words))
            {
                state.Headline = HeadlineClaim(state, index, words);
            }

            return;
        }

        var author = ClaimAttribution.Author(post?.Author ?? document.Document.Source.Author);
        var reportTime = post?.Time?.Value ?? Timex(document.Document.Source.Published);
        var isQuestion = EndsWith(words, '?');
        var quotedWords = QuotedWords(words, state.Quotes, out var firstQuoted, out var lastQuoted);
        var fullyQuoted = firstQuoted && lastQuoted && quotedWords > 0;
        var hasQuote = quotedWords >= 4 || fullyQuoted;

        var postposed = AttributionFinder.Postposed(words, 0, last);
        var contentLast = postposed?.ContentLast ?? last;
        ClaimAttribution? sentenceHolder = null;
        if (postposed is { } p)
        {
            sentenceHolder = MakeHolder(state, words, p.Holder);
        }
        else if (AttributionFinder.AccordingTo(words, 0, last, state.Quotes) is { } according)
        {
            sentenceHolder = MakeHolder(state, words, according);
        }

        if (_worthiness is not null && !hasQuote && !isQuestion && sentenceHolder is null && state.PendingSpeaker is null
            && !Quantities.CyrillicQuantities.MostlyCyrillic(words) && ChatterSigns.NoneIn(words, state.Quotes) && _worthiness.Score(words, 0, last) is var score && score < _worthiness.ChatterThreshold)
        {
            state.OpenQuoteSpeaker = null;
            state.Excluded.Add(new NonClaim(words.Range, index, post?.Id, NonClaimReason.Chatter, score));
            return;
        }

        ClaimAttribution? quoteSpeaker = null;
        if (hasQuote)
        {
            quoteSpeaker = sentenceHolder
                ?? (AttributionFinder.Preposed(words, 0, last, state.Quotes) is { } pre ? MakeHolder(state, words, pre) : null)
                ?? state.PendingSpeaker
                ?? (fullyQuoted ? state.OpenQuoteSpeaker : null);
            state.OpenQuoteSpeaker = lastQuoted ? quoteSpeaker : null;
        }
        else
        {
            state.OpenQuoteSpeaker = null;
        }

        state.PendingSpeaker = null;
        var restriction = RestrictiveNegation.IsRestriction(words, out var restrictedFirst, out var restrictedLast);
        // A question is one claim: its parts are asked together ("What makes more sense, X or Y?").
        var segments = (hasQuote && fullyQuoted) || isQuestion ? [new Segment(0, contentLast, false, false)] : ClaimSegmenter.Split(words, 0, contentLast, state.Quotes);
        ClaimAttribution? previousHolder = null;
        (int First, int Last)? previousSubject = null;
        for (var k = 0; k < segments.Count; k++)
        {
            var segment = segments[k];
            var quoteSegment = hasQuote && (fullyQuoted || QuotedShare(words, state.Quotes, segment) >= 0.5 || quoteSpeaker is not null);
            ClaimAttribution holder;
            if (quoteSegment && quoteSpeaker is not null)
            {
                holder = quoteSpeaker;
            }
            else if (sentenceHolder is not null)
            {
                holder = sentenceHolder;
            }
            else if (segment.ElidedSubject && previousSubject is { } subject && ReportingCues.Reports(words, segment.First, segment.Last))
            {
                holder = MakeHolder(state, words, new HolderMatch(subject.First, subject.Last, segment.First, segment.First));
            }
            else if (AttributionFinder.Preposed(words, segment.First, segment.Last, state.Quotes) is { } pre)
            {
                holder = AttributionFinder.IsFirstPerson(words, pre.First, pre.Last)
                    ? author with { Cue = words.TextOf(pre.CueFirst, pre.CueLast) }
                    : MakeHolder(state, words, pre);
            }
            else if (segment.Coordinated && previousHolder is { Kind: not HolderKind.Author })
            {
                holder = previousHolder;
            }
            else
            {
                holder = author;
            }

            previousHolder = holder;
            previousSubject = Subject(words, segment) ?? previousSubject;
            var modality = ModalityDetector.Detect(words, segment.First, segment.Last, conversational);
            if (isQuestion && modality.Likelihood is { } asked && IsInvertedModal(words, segment, asked))
            {
                modality = modality with { Likelihood = null };
            }

            var cues = NegationDetector.Cues(words, segment.First, segment.Last, modality);
            var polarity = restriction ? ClaimPolarity.Negative : NegationDetector.Decide(cues);
            var kind = KindClassifier.Classify(words, segment.First, segment.Last, modality.Likelihood, quoteSegment, isQuestion);
            var end = k == segments.Count - 1 ? words.Tokens[last].End : words.Tokens[segment.Last].End;
            var range = new TextRange(words.Tokens[segment.First].Start, end);
            var quantities = QuantityExtractor.Extract(words, segment.First, segment.Last);
            var claim = new Claim(
                "c" + (state.Claims.Count + 1).ToString(CultureInfo.InvariantCulture),
                document.SpanOf(range),
                post?.Id,
                holder,
                polarity,
                modality.Likelihood,
                modality.Hearsay,
                kind,
                quantities,
                null,
                index)
            {
                ReportTime = reportTime,
                Frame = FrameOf(words, segment.First, segment.Last, quantities),
            };
            claim = WithTimes(document, claim, range);
            state.Claims.Add(claim);
        }

        if (restriction)
        {
            AddRestricted(state, index, words, restrictedFirst, restrictedLast, author, reportTime);
        }
    }

    /// <summary>Characters from the start of the document within which a heading may be its headline.</summary>
    private const int HeadlineReach = 600;

    /// <summary>
    /// True when a heading is the document's headline: what the reader marks as its title, or the first heading of the
    /// document's opening, before any claim, that reads as a headline (four words or more, not all capitals, not a label
    /// ending in a colon).
    /// </summary>
    private static bool IsHeadline(DocumentState state, SentenceWords words)
    {
        var text = state.Document.Document.Text.AsSpan(words.Range.Start, words.Range.End - words.Range.Start).Trim().TrimStart('#').Trim();
        if (text.Length == 0 || text[^1] is ':' || words.Lower.Count(w => w.Any(char.IsLetter)) < 4)
        {
            return false;
        }

        var letters = 0;
        var upper = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
        }

        if (letters == 0 || upper == letters)
        {
            return false;
        }

        var title = state.Document.Document.Title?.Trim();
        return (title is { Length: > 0 } && text.Equals(title.AsSpan().TrimStart('#').Trim(), StringComparison.Ordinal))
            || (state.Claims.Count == 0 && words.Range.Start < HeadlineReach);
    }

    /// <summary>
    /// The headline read as the outlet's claim (<c>h1</c>): its polarity, hedge, kind, figures and frame, as for any
    /// claim. It is kept apart from the claims (<see cref="ClaimLayer.Headline"/>).
    /// </summary>
    private static Claim HeadlineClaim(DocumentState state, int index, SentenceWords words)
    {
        var document = state.Document;
        var last = words.Count - 1;
        var modality = ModalityDetector.Detect(words, 0, last, false);
        var polarity = NegationDetector.Decide(NegationDetector.Cues(words, 0, last, modality));
        var kind = KindClassifier.Classify(words, 0, last, modality.Likelihood, false, EndsWith(words, '?'));
        var range = new TextRange(words.Tokens[0].Start, words.Tokens[last].End);
        var quantities = QuantityExtractor.Extract(words, 0, last);
        var claim = new Claim(
            "h1",
            document.SpanOf(range),
            null,
            ClaimAttribution.Author(document.Document.Source.Author),
            polarity,
            modality.Likelihood,
            modality.Hearsay,
            kind,
            quantities,
            null,
            index)
        {
            ReportTime = Timex(document.Document.Source.Published),
            Frame = FrameOf(words, 0, last, quantities),
        };
        return WithTimes(document, claim, range);
    }

    private static void AddRestricted(DocumentState state, int index, SentenceWords words, int restrictedFirst, int restrictedLast, ClaimAttribution author, string? reportTime)
    {
        if (index == 0 || state.Words[index - 1] is not { } listWords)
        {
            return;
        }

        var source = state.Claims[^1];
        foreach (var item in RestrictiveNegation.ListItems(listWords))
        {
            if (RestrictiveNegation.Shares(listWords, item, words, restrictedFirst, restrictedLast))
            {
                continue;
            }

            var range = RestrictiveNegation.RangeOf(listWords, item);
            state.Claims.Add(WithTimes(state.Document, new Claim(
                "c" + (state.Claims.Count + 1).ToString(CultureInfo.InvariantCulture),
                state.Document.SpanOf(range),
                source.PostId,
                source.Attribution.Kind == HolderKind.Author ? source.Attribution : author,
                ClaimPolarity.Negative,
                null,
                null,
                ClaimKind.Event,
                QuantityExtractor.Extract(listWords, item.First, item.Last),
                null,
                index)
            {
                ReportTime = reportTime,
                DerivedFrom = source.Id,
                Frame = FrameOf(listWords, item.First, item.Last, []),
            }, range));
        }
    }

    private static ClaimFrame FrameOf(SentenceWords words, int first, int last, IReadOnlyList<Quantity> quantities)
    {
        var (eventClass, trigger) = EventClasses.Find(words, first, last);
        var measures = MeasureReader.Read(words, first, last, quantities);
        return eventClass is null && measures.Count == 0 ? ClaimFrame.Empty : new ClaimFrame(eventClass, trigger, measures);
    }

    /// <summary>
    /// Reads each claim's frame from the parse of its sentence (the claims' sentences parsed in one batch); a claim whose
    /// sentence has no parse (too long for the parser) keeps the word rules' frame.
    /// </summary>
    private static void FramesFromParse(DocumentState state, SyntaxLayer syntax)
    {
        if (state.Claims.Count == 0)
        {
            return;
        }

        var sentences = new int[state.Claims.Count];
        for (var c = 0; c < sentences.Length; c++)
        {
            sentences[c] = SentenceOf(state, state.Claims[c]);
        }

        syntax.Prepare(sentences.Where(s => s >= 0).Distinct());
        var timexes = state.Document.Layers.Find<TimexLayer>()?.Items ?? [];
        bool IsTime(TextRange range) => timexes.Any(t => t.Range.Start <= range.Start && range.End <= t.Range.End);
        for (var c = 0; c < sentences.Length; c++)
        {
            if (sentences[c] < 0 || state.Words[sentences[c]] is not { } words || syntax.Of(sentences[c]) is not { } parse)
            {
                continue;
            }

            var claim = state.Claims[c];
            int first = -1, last = -1;
            for (var i = 0; i < words.Count; i++)
            {
                var token = words.Tokens[i];
                if (token.Start >= claim.Span.Start && token.End <= claim.Span.End)
                {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            if (first >= 0)
            {
                state.Claims[c] = claim with { Frame = FrameBuilder.Build(parse, words, first, last, claim.Frame, IsTime) };
            }
        }
    }

    /// <summary>The sentence whose words hold the claim (a derived claim's words are in the sentence before its own).</summary>
    private static int SentenceOf(DocumentState state, Claim claim)
    {
        for (var s = claim.Sentence; s >= Math.Max(0, claim.Sentence - 1); s--)
        {
            if (state.Words[s] is { } words && words.Range.Start <= claim.Span.Start && claim.Span.Start < words.Range.End)
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>
    /// Rhetorical questions answered by the text ("… ? Could be."): each question of the run gets the answer's range
    /// and, when it has none, the answer's likelihood.
    /// </summary>
    private static void AttachAnswers(DocumentState state)
    {
        for (var c = 0; c < state.Claims.Count; c++)
        {
            var claim = state.Claims[c];
            if (claim.Kind != ClaimKind.Speculation || !EndsWith(state.Words[claim.Sentence], '?'))
            {
                continue;
            }

            var next = claim.Sentence + 1;
            while (next < state.Words.Count && state.Words[next] is { } w && EndsWith(w, '?'))
            {
                next++;
            }

            if (next >= state.Words.Count || state.Words[next] is not { } answer || !IsShortAnswer(answer))
            {
                continue;
            }

            state.Claims[c] = claim with { Answer = answer.Range };
        }
    }

    /// <summary>"Could you imagine …?": a modal that opens a question asks; it does not estimate.</summary>
    private static bool IsInvertedModal(SentenceWords words, Segment segment, Likelihood likelihood)
    {
        var i = segment.First;
        while (i <= segment.Last && !words.IsWord(i))
        {
            i++;
        }

        return words.Tokens[i].Start == likelihood.Range.Start && words[i] is "could" or "may" or "might";
    }

    private static bool IsShortAnswer(SentenceWords words)
    {
        var wordCount = 0;
        for (var i = 0; i < words.Count; i++)
        {
            wordCount += words.IsWord(i) ? 1 : 0;
        }

        return wordCount is > 0 and <= 4 && words[0] is "could" or "maybe" or "perhaps" or "possibly" or "probably" or "yes" or "no"
            or "likely" or "unlikely" or "indeed" or "certainly" or "absolutely" or "hardly" or "doubtful" or "might" or "definitely" or "nope";
    }

    private ClaimAttribution MakeHolder(DocumentState state, SentenceWords words, HolderMatch match)
    {
        var range = words.RangeOf(match.First, match.Last);
        var text = words.TextOf(match.First, match.Last).Trim(',', ' ');
        var kind = AttributionFinder.Classify(words, match.First, match.Last);
        var cue = words.TextOf(match.CueFirst, match.CueLast);
        if (kind == HolderKind.Author)
        {
            return new ClaimAttribution(HolderKind.Author, null, null, cue);
        }

        string? refers = null;
        var post = state.Document.Document.PostAt(range.Start)?.Id;
        if (match.First == match.Last && words[match.First] is "he" or "she")
        {
            refers = state.LastNamed;
        }
        else if (match.First == match.Last && CyrillicAttribution.IsPersonalPronoun(words[match.First]))
        {
            // A channel's posts are separate messages: "Он" in one stands for no speaker named in another.
            refers = state.LastNamedPost == post ? state.LastNamed : null;
        }
        else if (kind == HolderKind.Named && HasCapital(words, match.First, match.Last))
        {
            state.LastNamed = text;
            state.LastNamedPost = post;
        }

        var entity = _options.HolderResolver.Resolve(state.Document, range);
        return new ClaimAttribution(kind, text, range, cue, refers, entity);
    }

    private static (int First, int Last)? Subject(SentenceWords words, Segment segment)
    {
        for (var i = segment.First; i <= segment.Last; i++)
        {
            if (Words.IsVerbLike(words[i]) || ReportingCues.IsCue(words[i]))
            {
                return i > segment.First ? AttributionFinder.NounPhrase(words, segment.First, i - 1) : null;
            }
        }

        return null;
    }

    private static bool HasCapital(SentenceWords words, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (words.IsCapitalized(i) && (i > first || words[i] is not "the" and not "a" and not "an"))
            {
                return true;
            }
        }

        return false;
    }

    private static int QuotedWords(SentenceWords words, QuoteRegions quotes, out bool firstQuoted, out bool lastQuoted)
    {
        var count = 0;
        int firstWord = -1, lastWord = -1;
        for (var i = 0; i < words.Count; i++)
        {
            if (!words.IsWord(i))
            {
                continue;
            }

            firstWord = firstWord < 0 ? i : firstWord;
            lastWord = i;
            if (quotes.Inside(words.Tokens[i].Start))
            {
                count++;
            }
        }

        firstQuoted = firstWord >= 0 && quotes.Inside(words.Tokens[firstWord].Start);
        lastQuoted = lastWord >= 0 && quotes.Inside(words.Tokens[lastWord].Start);
        return count;
    }

    private static double QuotedShare(SentenceWords words, QuoteRegions quotes, Segment segment)
    {
        int all = 0, quoted = 0;
        for (var i = segment.First; i <= segment.Last; i++)
        {
            if (words.IsWord(i))
            {
                all++;
                quoted += quotes.Inside(words.Tokens[i].Start) ? 1 : 0;
            }
        }

        return all == 0 ? 0 : quoted / (double)all;
    }

    private static bool EndsWith(SentenceWords? words, char c)
    {
        if (words is null)
        {
            return false;
        }

        for (var i = words.Count - 1; i >= 0; i--)
        {
            var token = words.Tokens[i];
            var first = words.Text[token.Start];
            if (first is '"' or '”' or '’' or '\'' or ')' or '»')
            {
                continue;
            }

            return words.Text[token.End - 1] == c;
        }

        return false;
    }

    /// <summary>
    /// The event time from the timex layer (the first dating expression in the claim, else in its sentence) and the
    /// report time of the post, live update or document that holds it. Without a timex layer (the analyzer used on its
    /// own) the event time stays unknown and the report time is the post's or the publication time.
    /// </summary>
    private static Claim WithTimes(AnalyzedDocument document, Claim claim, TextRange range)
    {
        var times = EventTimes.For(document, range);
        var frame = claim.Frame.Measures.Count == 0
            ? claim.Frame
            : claim.Frame with { Measures = [.. claim.Frame.Measures.Select(m => m with { EventTime = EventTimes.Nearest(document, m.Range)?.Value })] };
        return claim with
        {
            Frame = frame,
            EventTime = times.EventTime,
            EventTimex = times.EventTimex,
            ReportTime = times.ReportSource == AnchorKind.None ? claim.ReportTime : times.ReportTime,
        };
    }

    private static string? Timex(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private sealed class DocumentState(AnalyzedDocument document, QuoteRegions quotes)
    {
        public AnalyzedDocument Document { get; } = document;

        public QuoteRegions Quotes { get; } = quotes;

        public List<Claim> Claims { get; } = [];

        public List<NonClaim> Excluded { get; } = [];

        public List<SentenceWords?> Words { get; } = [];

        public string? LastNamed { get; set; }

        public string? LastNamedPost { get; set; }

        public ClaimAttribution? PendingSpeaker { get; set; }

        public ClaimAttribution? OpenQuoteSpeaker { get; set; }

        public Claim? Headline { get; set; }
    }
}
