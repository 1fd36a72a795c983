namespace Sitrep.Corroboration.State;

/// <summary>
/// The statuses a text gives the matters whose status moves as the story does (a criminal case to be dropped, open,
/// closed), read by the same rules as <see cref="StoryStateLayer"/>'s steps. The brief uses it to tell whether a quoted
/// sentence states a status the story has since moved past.
/// </summary>
public static class StoryStatus
{
    /// <summary>The (topic, status) pairs <paramref name="text"/> states plainly; empty when it states none.</summary>
    public static IReadOnlyList<(string Topic, string Status)> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CriminalCase.Status(text) is { } status ? [(CriminalCase.Topic, status)] : [];
    }
}
