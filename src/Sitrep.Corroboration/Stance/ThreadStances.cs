using Sitrep.Corroboration.Contradictions;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.Stance;

/// <summary>
/// Stances of thread replies toward a proposition, by the RumourEval (SDQC) model: a reply is judged as an answer to
/// the nearest post above it that holds one of the proposition's claims (the thread's "source" for that proposition).
/// </summary>
/// <remarks>
/// The model's stance is toward that post, so it is turned into a stance toward the proposition's label: agreeing
/// with a post that denies the label denies it. A reply that makes a claim of the proposition itself keeps the
/// stance of its claim when the model only sees a comment. One instance serves one run of the stage (not thread-safe:
/// it caches a decision per reply and answered post, since a post may hold claims of several propositions).
/// </remarks>
internal sealed class ThreadStances
{
    /// <summary>Most replies without a claim of their own judged per proposition (bounds the work on huge threads).</summary>
    public const int MaxRepliesPerProposition = 500;

    /// <summary>Characters of a post the model reads (its opening: replies make their point early).</summary>
    private const int MaxPostChars = 1000;

    private readonly Corpus _corpus;
    private readonly Func<SdqcStanceClassifier> _classifier;
    private readonly Dictionary<(string Doc, string Reply, string Answered), StanceKind> _cache = [];

    public ThreadStances(Corpus corpus, Func<SdqcStanceClassifier> classifier)
    {
        _corpus = corpus;
        _classifier = classifier;
    }

    /// <summary>A reply without a claim of the proposition, with its stance toward the proposition.</summary>
    /// <param name="DocumentId">Document of the thread.</param>
    /// <param name="PostId">The reply.</param>
    /// <param name="Stance">Its stance toward the proposition's label.</param>
    /// <param name="SourceKey">Independent-source key of its author.</param>
    /// <param name="Weight">Reliability weight of its document's source.</param>
    public sealed record Reply(string DocumentId, string PostId, StanceKind Stance, string SourceKey, double Weight);

    /// <summary>
    /// Re-judges the members that sit in replies (in place) and returns the stances of the other replies under the
    /// members' posts.
    /// </summary>
    public List<Reply> Judge(List<ContradictionFinder.Member> members, Func<Corpus, Document, Post, (string SourceKey, double Weight)> replySource)
    {
        var replies = new List<Reply>();

        // The stance each post's own claims give it, before any reply is re-judged: what a reply below it answers.
        var anchors = new Dictionary<(string Doc, string Post), StanceKind>();
        var anchorTexts = new Dictionary<(string Doc, string Post), List<string>>();
        var leads = new HashSet<(string Doc, string Post)>();
        foreach (var m in members)
        {
            if (m.Claim.Claim.PostId is { } postId)
            {
                var key = (m.Claim.DocumentId, postId);
                if (!anchors.TryGetValue(key, out var current) || current is not (StanceKind.Support or StanceKind.Deny))
                {
                    anchors[key] = m.Stance;
                }

                if (!anchorTexts.TryGetValue(key, out var texts))
                {
                    anchorTexts[key] = texts = [];
                }

                texts.Add(m.Text);
                if (IsLeadClaim(m.Claim))
                {
                    leads.Add(key);
                }
            }
        }

        if (anchors.Count == 0)
        {
            return replies;
        }

        foreach (var docId in anchors.Keys.Select(k => k.Doc).Distinct(StringComparer.Ordinal).ToList())
        {
            var doc = _corpus.ById[docId].Document;
            var posts = doc.Posts.ToDictionary(p => p.Id, StringComparer.Ordinal);
            foreach (var post in doc.Posts)
            {
                if (post.ParentId is null || Answered(post, posts, docId, anchors) is not { } answered)
                {
                    continue;
                }

                var isMember = anchors.ContainsKey((docId, post.Id));
                if (!isMember && replies.Count >= MaxRepliesPerProposition)
                {
                    continue;
                }

                // A reply answers its parent's point: its opening claim, or a claim whose words the reply takes up.
                // Another sentence of a long post is not what the reply agrees or disagrees with.
                if (!isMember && !leads.Contains((docId, answered.Id)) && !TakesUp(TextOf(doc, post), anchorTexts[(docId, answered.Id)]))
                {
                    continue;
                }

                var towardPost = Classify(doc, post, answered, posts);
                if (towardPost == StanceKind.Deny && CueStance(TextOf(doc, post)) is null
                    && !anchorTexts[(docId, answered.Id)].Exists(t => ContradictionFinder.NegatesShared(TextOf(doc, post), t, requireNegation: true)))
                {
                    // The model reads "no option but to withdraw … that didn't happen" as a denial of the post it
                    // answers; without a cue or a negation of the post's own words, that is not a denial.
                    towardPost = StanceKind.Comment;
                }

                var stance = Relative(towardPost, anchors[(docId, answered.Id)]);
                if (isMember)
                {
                    if (stance != StanceKind.Comment)
                    {
                        for (var i = 0; i < members.Count; i++)
                        {
                            if (members[i].Claim.DocumentId == docId && members[i].Claim.Claim.PostId == post.Id)
                            {
                                members[i] = members[i] with { Stance = stance };
                            }
                        }
                    }
                }
                else
                {
                    var (sourceKey, weight) = replySource(_corpus, doc, post);
                    replies.Add(new Reply(docId, post.Id, stance, sourceKey, weight));
                }
            }
        }

        return replies;
    }

    /// <summary>
    /// The post <paramref name="post"/> replies to, when it holds a claim of the proposition: a reply answers its parent,
    /// not a post further up the thread (a deep reply arguing with its neighbour says nothing of the opening post).
    /// </summary>
    private static Post? Answered(Post post, Dictionary<string, Post> posts, string docId, Dictionary<(string Doc, string Post), StanceKind> anchors) =>
        post.ParentId is { } parentId && posts.TryGetValue(parentId, out var parent) && anchors.ContainsKey((docId, parent.Id)) ? parent : null;

    private bool IsLeadClaim(ClaimRef claimRef)
    {
        var claims = _corpus.ById[claimRef.DocumentId].Layers.Find<Claims.ClaimLayer>()?.Items;
        return claims?.FirstOrDefault(c => c.PostId == claimRef.Claim.PostId) is { } first && first.Id == claimRef.Claim.Id;
    }

    /// <summary>True when the reply repeats at least two content words of one of the texts.</summary>
    private static bool TakesUp(string reply, List<string> texts)
    {
        var words = ContradictionFinder.ContentStems(reply);
        return texts.Exists(t => ContradictionFinder.ContentStems(t).Count(words.Contains) >= 2);
    }

    private static bool SameAuthor(Post a, Post b) =>
        a.Author is { Length: > 0 } author && string.Equals(author, b.Author, StringComparison.OrdinalIgnoreCase);

    private StanceKind Classify(Document doc, Post reply, Post answered, Dictionary<string, Post> posts)
    {
        var key = (doc.Id, reply.Id, answered.Id);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var parent = reply.ParentId is not null && posts.TryGetValue(reply.ParentId, out var p) ? p : answered;
        var context = new SdqcContext(TextOf(doc, reply), TextOf(doc, answered), TextOf(doc, parent), Math.Max(1, reply.Depth - answered.Depth))
        {
            BySourceAuthor = SameAuthor(reply, answered),
            ByParentAuthor = SameAuthor(reply, parent),
        };
        var stance = CueStance(context.Text) ?? _classifier().Classify(context).Label switch
        {
            "support" => StanceKind.Support,
            "deny" => StanceKind.Deny,
            "query" => StanceKind.Query,
            _ => StanceKind.Comment,
        };
        _cache[key] = stance;
        return stance;
    }

    /// <summary>
    /// A stance toward the answered post, as a stance toward the label: agreeing with a post that denies the label
    /// denies it; disagreeing with a post that only asks or comments says nothing of the label.
    /// </summary>
    private static StanceKind Relative(StanceKind towardPost, StanceKind postTowardLabel) => postTowardLabel switch
    {
        StanceKind.Support => towardPost,
        StanceKind.Deny => towardPost switch
        {
            StanceKind.Support => StanceKind.Deny,
            StanceKind.Deny => StanceKind.Support,
            _ => towardPost,
        },
        _ => towardPost == StanceKind.Query ? StanceKind.Query : StanceKind.Comment,
    };

    /// <summary>
    /// The stance a reply's opening words state outright ("Agree with this", "Nah.", "Source?"), or null to ask the
    /// model: such openings are common in threads and the model, trained on tweets, often reads them as comments.
    /// </summary>
    internal static StanceKind? CueStance(string reply)
    {
        var text = reply.TrimStart(' ', '>', '"', '“', '*', '-');
        var lower = text.Length > 60 ? text[..60].ToLowerInvariant() : text.ToLowerInvariant();
        foreach (var cue in SupportCues)
        {
            if (StartsWithWord(lower, cue))
            {
                return StanceKind.Support;
            }
        }

        foreach (var cue in DenyCues)
        {
            if (StartsWithWord(lower, cue))
            {
                return StanceKind.Deny;
            }
        }

        foreach (var phrase in DenyPhrases)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                return StanceKind.Deny;
            }
        }

        return lower.StartsWith("source?", StringComparison.Ordinal) || lower.StartsWith("source for", StringComparison.Ordinal)
            || lower.StartsWith("any source", StringComparison.Ordinal) || lower.StartsWith("citation needed", StringComparison.Ordinal)
            || lower.StartsWith("is that true", StringComparison.Ordinal) || lower.StartsWith("really?", StringComparison.Ordinal)
            ? StanceKind.Query
            : CyrillicStanceCues.Of(lower);
    }

    private static readonly string[] SupportCues = ["agree", "agreed", "exactly", "this.", "this!", "yes,", "yes.", "yep", "correct", "true.", "spot on", "came here to say", "+1"];

    private static readonly string[] DenyCues = ["nah", "no,", "no.", "nope", "wrong", "not true", "false", "rubbish", "nonsense", "that's fake", "fake", "that is false", "disagree", "bs", "bullshit"];

    private static readonly string[] DenyPhrases = ["not true", "is a lie", "is false", "is fake", "fake news", "debunked", "that's wrong", "that is wrong", "never happened"];

    private static bool StartsWithWord(string text, string cue) =>
        text.StartsWith(cue, StringComparison.Ordinal) && (text.Length == cue.Length || !char.IsLetter(text[cue.Length]) || !char.IsLetter(cue[^1]));

    /// <summary>The post's text without its author and time header.</summary>
    internal static string TextOf(Document doc, Post post)
    {
        var start = post.Header is { } header && header.End > post.Range.Start && header.End <= post.Range.End ? header.End : post.Range.Start;
        var end = Math.Min(post.Range.End, start + MaxPostChars);
        return doc.Slice(new TextRange(start, end)).Trim();
    }
}
