namespace Sitrep.Time.Timeline;

/// <summary>
/// What the timeline needs of sentence meaning to tell whether two differently worded reports give one event: sentence
/// vectors and a same-event probability. The timeline project does not depend on a model; the engine supplies one (the
/// MiniLM encoder over its embedding cache and the same-event classifier).
/// </summary>
public interface IEventMeaning
{
    /// <summary>One vector per text, in order.</summary>
    float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>P(same event) for two texts whose vectors came from <see cref="Encode"/>.</summary>
    float SameEvent(string a, float[] aVector, string b, float[] bVector);
}
