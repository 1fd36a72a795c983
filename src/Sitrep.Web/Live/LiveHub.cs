using System.Threading.Channels;

namespace Sitrep.Web.Live;

/// <summary>A change to the story that open pages should show: what changed, in words, and its sequence number.</summary>
/// <param name="Id">Sequence number, for <c>Last-Event-ID</c>.</param>
/// <param name="Kind">What changed: <c>picture</c> (new reports analysed), <c>decision</c>, <c>upload</c>.</param>
/// <param name="Text">The notice, e.g. "2 new reports, 1 new dispute".</param>
public sealed record LiveNotice(long Id, string Kind, string Text);

/// <summary>
/// Hands each change to every open page. Each subscriber gets a bounded channel (the oldest notice is dropped when a
/// slow client falls behind) and unsubscribes by disposing; the last notices are kept so a reconnecting client resumes
/// from its <c>Last-Event-ID</c>.
/// </summary>
public sealed class LiveHub
{
    private const int Kept = 64;
    private readonly Lock _gate = new();
    private readonly List<Channel<LiveNotice>> _subscribers = [];
    private readonly Queue<LiveNotice> _recent = new();
    private long _next;

    /// <summary>Number of open subscriptions.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Sends a notice to every subscriber.</summary>
    public LiveNotice Publish(string kind, string text)
    {
        lock (_gate)
        {
            var notice = new LiveNotice(++_next, kind, text);
            _recent.Enqueue(notice);
            while (_recent.Count > Kept)
            {
                _recent.Dequeue();
            }

            foreach (var channel in _subscribers)
            {
                channel.Writer.TryWrite(notice);
            }

            return notice;
        }
    }

    /// <summary>Subscribes; notices after <paramref name="lastEventId"/> that are still kept are delivered first.</summary>
    public Subscription Subscribe(long? lastEventId)
    {
        var channel = Channel.CreateBounded<LiveNotice>(new BoundedChannelOptions(32) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            if (lastEventId is { } last)
            {
                foreach (var missed in _recent.Where(n => n.Id > last))
                {
                    channel.Writer.TryWrite(missed);
                }
            }

            _subscribers.Add(channel);
        }

        return new Subscription(this, channel);
    }

    private void Remove(Channel<LiveNotice> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    /// <summary>One open page's feed; dispose to leave.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly LiveHub _hub;
        private readonly Channel<LiveNotice> _channel;

        internal Subscription(LiveHub hub, Channel<LiveNotice> channel)
        {
            _hub = hub;
            _channel = channel;
        }

        /// <summary>The notices, until the subscription is disposed or the token fires.</summary>
        public IAsyncEnumerable<LiveNotice> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

        /// <inheritdoc />
        public void Dispose() => _hub.Remove(_channel);
    }
}
