namespace Sitrep.Storage;

/// <summary>
/// Everything a story keeps: its documents and their layers (<see cref="IDocumentStore"/>), the analyst's decisions
/// and uploads (<see cref="IDecisionStore"/>), the outlets and fetched pages (<see cref="ISourceStore"/>), and the
/// team's accounts (<see cref="IAccountStore"/>). What
/// <see cref="StoreFactory.Open(string, Sqlite.StoreCheck)"/> returns, whichever database holds the story.
/// </summary>
public interface IStoryStore : IDocumentStore, IDecisionStore, ISourceStore, IAccountStore
{
}
