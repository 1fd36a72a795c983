using System.Text;
using Shouldly;
using Sitrep.Claims;
using Sitrep.Corroboration;
using Sitrep.Corroboration.Propositions;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Corroboration;

/// <summary>Replies in a thread get their stance from the RumourEval model, as answers to the post they reply to.</summary>
public sealed class ThreadStanceTests
{
    private const string Claim = "Rebel fighters seized the army headquarters in Rostov this morning.";

    [Fact]
    public void WhenAReplyCallsTheClaimFake_ItsAuthorDeniesTheProposition()
    {
        var thread = Thread(
            ("p1", null, "alice", Claim),
            ("p2", "p1", "bob", "That's fake, nothing like that happened."),
            ("p3", "p1", "carol", "Is this confirmed? Any source?"));

        var proposition = PropositionOf(Analyze(thread, Article()), "alice");

        var replies = proposition.Stances.Where(s => s.DocumentId == thread.Id && s.PostId is "p2" or "p3").ToDictionary(s => s.PostId!, StringComparer.Ordinal);
        replies["p2"].Stance.ShouldBe(StanceKind.Deny);
        replies["p2"].Claims.ShouldBeEmpty();
        replies["p3"].Stance.ShouldBe(StanceKind.Query);
        proposition.Status.ShouldBe(CorroborationStatus.Contested);
        proposition.Denial.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void AReplyThatDeniesAPostDenyingTheClaim_SupportsTheProposition()
    {
        var thread = Thread(
            ("p1", null, "alice", "Rebel fighters did not seize the army headquarters in Rostov this morning."),
            ("p2", "p1", "bob", "That is not true, I saw them inside."));

        var proposition = PropositionOf(Analyze(thread, Article()), "alice");

        proposition.Stances.Single(s => s.PostId == "p1").Stance.ShouldBe(StanceKind.Deny);
        proposition.Stances.Single(s => s.PostId == "p2").Stance.ShouldBe(StanceKind.Support);
    }

    [Fact]
    public void AReplyThatRepeatsTheClaimOnlyToCallItALie_DeniesItThoughItsClaimReadsPositive()
    {
        var thread = Thread(
            ("p1", null, "alice", Claim),
            ("p2", "p1", "bob", "It is a lie that rebel fighters seized the army headquarters in Rostov this morning."));

        var proposition = PropositionOf(Analyze(thread, Article()), "alice");

        proposition.Claims.Single(c => c.DocumentId == thread.Id && c.Claim.PostId == "p2").Claim.Polarity.ShouldBe(ClaimPolarity.Positive);
        proposition.Stances.Single(s => s.DocumentId == thread.Id && s.PostId == "p2").Stance.ShouldBe(StanceKind.Deny);
    }

    [Fact]
    public void RepliesUnderAPostThatMakesNoClaimOfThePropositionTakeNoStanceOnIt()
    {
        var thread = Thread(
            ("p1", null, "alice", "Lovely weather at the seaside today, the beach was full."),
            ("p2", "p1", "bob", "That's fake, it rained all day."));

        var corpus = Analyze(thread, Article());

        var proposition = corpus.Layers.Get<PropositionLayer>().Propositions.Single(p => p.Label.Contains("headquarters", StringComparison.Ordinal));
        proposition.Stances.ShouldNotContain(s => s.DocumentId == thread.Id);
        proposition.Status.ShouldBe(CorroborationStatus.SingleSource);
    }

    private static Proposition PropositionOf(Corpus corpus, string author)
    {
        var thread = corpus.Documents.Single(d => d.Document.Kind == DocumentKind.Thread).Document;
        var post = thread.Posts.Single(p => p.Author == author).Id;
        return corpus.Layers.Get<PropositionLayer>().Propositions
            .Single(p => p.Claims.Any(c => c.DocumentId == thread.Id && c.Claim.PostId == post));
    }

    private static Document Article() =>
        Document.Create("Rebel fighters seized the army headquarters in Rostov on Saturday morning, officials said.", "article.txt")
            .WithKind(DocumentKind.Article)
            .WithSource(new Source("Harbour Times", null, null, null, Reliability.B))
            .Build();

    private static Document Thread(params (string Id, string? Parent, string Author, string Text)[] posts)
    {
        var text = new StringBuilder();
        var built = new List<Post>();
        foreach (var (id, parent, author, body) in posts)
        {
            var start = text.Length;
            text.Append(author).Append(" wrote:\n");
            var header = new TextRange(start, text.Length);
            text.Append(body).Append("\n\n");
            built.Add(new Post(id, parent, parent is null ? 0 : 1, author, null, new TextRange(start, text.Length), header));
        }

        return Document.Create(text.ToString(), "thread.txt")
            .WithKind(DocumentKind.Thread)
            .WithSource(new Source("Forum", null, null, null, Reliability.D))
            .AddPosts(built)
            .Build();
    }

    private static Corpus Analyze(params Document[] documents) => PropositionPipeline.Analyze(new PropositionStage(), documents);
}
